-- A read model's definition as a materialized view (what a refresh and convert --to matview run)
SELECT definition FROM mvdash.read_model_definitions WHERE view_name = :view_name
