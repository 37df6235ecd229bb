-- The order timeline is append-only: an event, once written, is never changed. (Rows still go when
-- their order or store is deleted.)
CREATE FUNCTION order_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'order events are append-only';
END;
$$;

CREATE TRIGGER order_events_no_update BEFORE UPDATE ON "order_events"
  FOR EACH ROW EXECUTE FUNCTION order_events_are_append_only();
