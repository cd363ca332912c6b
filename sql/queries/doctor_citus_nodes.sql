-- doctor (Citus): nodes that are not active, and pairs of nodes that cannot reach each other.
SELECT 'inactive' AS problem, nodename || ':' || nodeport AS node, NULL::text AS peer
FROM pg_catalog.pg_dist_node
WHERE NOT isactive
UNION ALL
SELECT 'unreachable', from_nodename || ':' || from_nodeport, to_nodename || ':' || to_nodeport
FROM pg_catalog.citus_check_cluster_node_health()
WHERE result IS DISTINCT FROM true
