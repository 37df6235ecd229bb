-- Late-order deadlines count the branch's working hours on the store's clock: the instant `hours` of open
-- time before `at`, for a week of opening hours as branches keep it ({"sat": {"open": "09:00", "close":
-- "22:00"}, …}; a day left out is closed; each day opens before it closes). A week with no open day (a
-- branch whose hours were never set) counts calendar hours. An order is late when its milestone is before
-- this instant. Walks back a day at a time: a rule of 24 hours over 13-hour days reads two or three days.
CREATE OR REPLACE FUNCTION tajer_working_hours_before("at" timestamptz, hours int, week jsonb, tz text) RETURNS timestamptz
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  days CONSTANT text[] := ARRAY['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  remaining double precision := hours * 3600.0;
  day date;
  span jsonb;
  opens timestamptz;
  closes timestamptz;
  open_for double precision;
BEGIN
  IF "at" IS NULL OR hours IS NULL THEN RETURN NULL; END IF;
  IF week IS NULL OR jsonb_typeof(week) <> 'object' OR NOT (week ?| days) OR tz IS NULL THEN
    RETURN "at" - make_interval(hours => hours);
  END IF;
  day := ("at" AT TIME ZONE tz)::date;
  -- Bounded: a week with one open minute still ends in time; past the bound, calendar hours.
  FOR i IN 1..800 LOOP
    span := week -> days[extract(dow FROM day)::int + 1];
    IF span IS NOT NULL THEN
      opens := (day + (span ->> 'open')::time) AT TIME ZONE tz;
      closes := least((day + (span ->> 'close')::time) AT TIME ZONE tz, "at");
      IF closes > opens THEN
        open_for := extract(epoch FROM closes - opens);
        IF open_for >= remaining THEN RETURN closes - make_interval(secs => remaining); END IF;
        remaining := remaining - open_for;
      END IF;
    END IF;
    day := day - 1;
  END LOOP;
  RETURN "at" - make_interval(hours => hours);
END $$;
