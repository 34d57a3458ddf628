-- A unit's own names (schools, places, services, colleagues) for structuring: capitalisation and the name
-- finder use them without retraining. Maintained by an admin (PUT /api/admin/units/{id}/local-names).
CREATE TABLE unit_local_names (
    unit_id  BIGINT       NOT NULL REFERENCES units (id),
    spoken   VARCHAR(200) NOT NULL,
    written  VARCHAR(200) NOT NULL,
    type     VARCHAR(20)  NOT NULL CHECK (type IN ('PERSON', 'PLACE', 'ORGANIZATION')),
    PRIMARY KEY (unit_id, spoken)
);
