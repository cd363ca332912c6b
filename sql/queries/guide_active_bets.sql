-- from the guide: active bets of a user, newest first. Bounded: the busiest user of a 10M
-- event tenant has thousands of open bets (a heap fetch each, 2 ms), more than support can
-- read; the caller asks for one row more than it shows to know that the list goes on. The
-- guide's columns, and when each bet last changed (the order; support is asked "since when").
SELECT bet_id, stake, odds, fixture_id, status, last_updated_at
FROM bets_view
WHERE tenant_id = :tenant_id AND user_id = :user_id AND status IN ('placed', 'confirmed')
ORDER BY last_updated_at DESC
LIMIT :limit
