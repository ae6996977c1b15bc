package org.ybdesk.service;

import java.util.List;

/**
 * The words of a proxy application (代办, issue 13, D140) as the service accepts them: the agent's relationships to the
 * applicant and the authorisation materials. From the service's bundle, for the window and the prints alike.
 */
public final class AgentVocabulary {
    private AgentVocabulary() {
    }

    /** 配偶, 子女, 父母, 其他亲属, 委托代理人, 监护人. */
    public static List<String> relations() {
        return List.of(Texts.get("vocab.relations").split("\\|"));
    }

    /** 委托书, 监护关系证明. */
    public static List<String> authorisations() {
        return List.of(powerOfAttorney(), guardianship());
    }

    /** 委托书: an adult's written authorisation. */
    public static String powerOfAttorney() {
        return Texts.get("vocab.powerOfAttorney");
    }

    /** 监护关系证明: proof of guardianship. */
    public static String guardianship() {
        return Texts.get("vocab.guardianship");
    }
}
