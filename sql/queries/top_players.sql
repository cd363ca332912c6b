-- Top players of a tenant. ORDER_COLUMN is replaced by one of a fixed list of column names
-- in C++ (TopPlayersModel), never by user text; by total_wagered it reads
-- user_activity_view_wagered_idx in order.
SELECT user_id, total_bets, total_wagered, total_winnings, current_balance, last_activity_at
FROM user_activity_view
WHERE tenant_id = ?
ORDER BY ORDER_COLUMN DESC, user_id
LIMIT ?
