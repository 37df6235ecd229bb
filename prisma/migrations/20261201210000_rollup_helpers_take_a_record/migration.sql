-- The rollup triggers' helpers took their table's row type (orders, shipments, reviews). On a cluster a
-- trigger fires on a shard, whose row type is the shard's own (orders_102008, …), so no helper matched; and a
-- function that depends on a table's row type does not survive Citus's distribution of that table. Each helper
-- now takes a record: the same body, read field by field at run time.
DO $$
DECLARE
  f record;
  def text;
BEGIN
  FOR f IN SELECT * FROM (VALUES
      ('tajer_count_order', 'o orders', 'o record', 'orders'),
      ('tajer_count_shipment', 's shipments', 's record', 'shipments'),
      ('tajer_count_rating', 'r reviews', 'r record', 'reviews')) AS v(name, old_arg, new_arg, row_type)
  LOOP
    def := pg_get_functiondef(format('%I(%I, integer)', f.name, f.row_type)::regprocedure);
    def := replace(def, format('%s(%s, sign integer)', f.name, f.old_arg), format('%s(%s, sign integer)', f.name, f.new_arg));
    IF position(f.new_arg IN def) = 0 THEN RAISE EXCEPTION 'unexpected definition of %', f.name; END IF;
    EXECUTE def;
    EXECUTE format('DROP FUNCTION %I(%I, integer)', f.name, f.row_type);
  END LOOP;
END $$;
