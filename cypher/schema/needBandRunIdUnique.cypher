// needBandRunIdUnique: one record per need-band computation, "<family version>:<rule version>"
CREATE CONSTRAINT need_band_run_id_unique IF NOT EXISTS FOR (r:NeedBandRun) REQUIRE r.id IS UNIQUE
