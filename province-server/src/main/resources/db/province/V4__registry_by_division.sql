-- Registry pulls are limited to the pulling desk's admin division (docs/province-server.md, "Who sees what"):
-- each pull reads one division's changes in version order.
create index registry_person_admdvs_version on registry_person (admdvs, version);
create index registry_unit_admdvs_version on registry_unit (admdvs, version);
