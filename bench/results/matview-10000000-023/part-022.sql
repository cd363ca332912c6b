 WITH users AS MATERIALIZED (
         SELECT per_table.tenant_id,
            per_table.user_id,
            max(per_table.last_ts) AS last_activity_at
           FROM ( SELECT bet_events.tenant_id,
                    bet_events.user_id,
                    max(bet_events.event_timestamp) AS last_ts
                   FROM public.bet_events
                  GROUP BY bet_events.tenant_id, bet_events.user_id
                UNION ALL
                 SELECT balance_events.tenant_id,
                    balance_events.user_id,
                    max(balance_events.event_timestamp) AS max
                   FROM public.balance_events
                  GROUP BY balance_events.tenant_id, balance_events.user_id
                UNION ALL
                 SELECT payment_events.tenant_id,
                    payment_events.user_id,
                    max(payment_events.event_timestamp) AS max
                   FROM public.payment_events
                  GROUP BY payment_events.tenant_id, payment_events.user_id) per_table
          GROUP BY per_table.tenant_id, per_table.user_id
        ), payments AS (
         SELECT payments_view.tenant_id,
            payments_view.user_id,
            COALESCE(sum(payments_view.amount) FILTER (WHERE (((payments_view.status)::text = 'completed'::text) AND ((payments_view.payment_type)::text = 'deposit'::text))), (0)::numeric) AS total_deposited,
            COALESCE(sum(payments_view.amount) FILTER (WHERE (((payments_view.status)::text = 'completed'::text) AND ((payments_view.payment_type)::text = 'withdrawal'::text))), (0)::numeric) AS total_withdrawn
           FROM payments_view
          GROUP BY payments_view.tenant_id, payments_view.user_id
        )
 SELECT u.tenant_id,
    u.user_id,
    COALESCE(b.balance, (0)::numeric) AS current_balance,
    COALESCE(payments.total_deposited, (0)::numeric) AS total_deposited,
    COALESCE(payments.total_withdrawn, (0)::numeric) AS total_withdrawn,
    u.last_activity_at
   FROM ((users u
     LEFT JOIN user_balances_view b ON (((b.tenant_id = u.tenant_id) AND ((b.user_id)::text = (u.user_id)::text))))
     LEFT JOIN payments ON (((payments.tenant_id = u.tenant_id) AND ((payments.user_id)::text = (u.user_id)::text))))
  ORDER BY u.tenant_id, (u.user_id COLLATE "C");
