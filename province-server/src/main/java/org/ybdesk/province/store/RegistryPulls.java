package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Tables.REGISTRY_PERSON;
import static org.ybdesk.province.jooq.Tables.REGISTRY_UNIT;

import java.util.ArrayList;
import java.util.List;
import org.ybdesk.protocol.RegistryDelta;

/**
 * Registry changes of one admin division (the pulling desk's {@code admdvs}: a desk sees the persons and units
 * registered in its own division, never the whole province) after a version, persons and units merged in version order, one page at a time (D55). The page's
 * {@code version} is its last change's version (the desk asks again from there while {@code more}); an empty page
 * answers with {@code since} itself.
 */
public final class RegistryPulls {
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5_000;

    private final ProvinceDb db;

    public RegistryPulls(ProvinceDb db) {
        this.db = db;
    }

    public RegistryDelta since(String admdvs, long since, int limit) {
        List<RegistryDelta.Person> persons = db.dsl().selectFrom(REGISTRY_PERSON)
                .where(REGISTRY_PERSON.ADMDVS.eq(admdvs), REGISTRY_PERSON.VERSION.gt(since)).orderBy(REGISTRY_PERSON.VERSION).limit(limit + 1)
                .fetch(r -> new RegistryDelta.Person(r.getIdType(), r.getIdNumber(), r.getName(), r.getGender(),
                        r.getBirthDate() == null ? null : r.getBirthDate().toString(), r.getInsuranceType(),
                        r.getStatus(), r.getInsuredAgencyCode(), r.getAdmdvs(), r.getPhone(),
                        r.getUnitCreditCode(), r.getVersion()));
        List<RegistryDelta.Unit> units = db.dsl().selectFrom(REGISTRY_UNIT)
                .where(REGISTRY_UNIT.ADMDVS.eq(admdvs), REGISTRY_UNIT.VERSION.gt(since)).orderBy(REGISTRY_UNIT.VERSION).limit(limit + 1)
                .fetch(r -> new RegistryDelta.Unit(r.getCreditCode(), r.getName(), r.getUnitType(), r.getStatus(),
                        r.getInsuredAgencyCode(), r.getAdmdvs(), r.getVersion()));
        List<RegistryDelta.Person> pageP = new ArrayList<>();
        List<RegistryDelta.Unit> pageU = new ArrayList<>();
        int i = 0;
        int j = 0;
        long version = since;
        while (pageP.size() + pageU.size() < limit && (i < persons.size() || j < units.size())) {
            boolean person = j >= units.size()
                    || (i < persons.size() && persons.get(i).version() < units.get(j).version());
            if (person) {
                version = persons.get(i).version();
                pageP.add(persons.get(i++));
            } else {
                version = units.get(j).version();
                pageU.add(units.get(j++));
            }
        }
        boolean more = i < persons.size() || j < units.size();
        return new RegistryDelta(version, more, pageP, pageU);
    }
}
