package org.ybdesk.bench;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.NameIndex;

/**
 * Deterministic synthetic registry data: the i-th person and the j-th unit are always the same for a given seed, so
 * the benchmark can pick an existing person by index without keeping a million of them in memory.
 *
 * <p>Resident ID numbers are unique by construction: {@code i -> (i * MULT + OFFSET) mod SPACE} is a bijection on
 * {@code [0, SPACE)} (MULT is coprime with SPACE), and each value is split into a region, a birth date between
 * 1940 and 2020 and a three-digit sequence number; the check character is computed per GB 11643.
 */
final class Synthetic {
    /** 哈尔滨市 districts and counties (GB/T 2260). */
    static final String[] REGIONS = {"230102", "230103", "230104", "230108", "230109", "230110", "230111",
        "230112", "230113", "230123", "230124", "230125"};
    static final String[] REGION_NAMES = {"道里区", "南岗区", "道外区", "平房区", "松北区", "香坊区", "呼兰区",
        "阿城区", "双城区", "依兰县", "方正县", "宾县"};
    static final LocalDate BIRTH_FROM = LocalDate.of(1940, 1, 1);
    static final LocalDate BIRTH_TO = LocalDate.of(2020, 12, 31);
    static final int DAYS = (int) ChronoUnit.DAYS.between(BIRTH_FROM, BIRTH_TO) + 1;
    /** How many distinct resident IDs the scheme can produce. */
    static final long SPACE = REGIONS.length * (long) DAYS * 1000L;
    private static final long MULT = 1_000_003L;
    private static final long OFFSET = 7_777_777L;

    static {
        if (!BigInteger.valueOf(MULT).gcd(BigInteger.valueOf(SPACE)).equals(BigInteger.ONE)) {
            throw new IllegalStateException("multiplier not coprime with the ID space");
        }
    }

    /** Common surnames, most frequent first (the pick favours the front of the list). */
    private static final String[] SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
            + "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 "
            + "熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 司马 上官 诸葛").split(" ");
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红鹏辉建国文宇浩然子涵欣怡梓轩雨桐佳琪思博俊"
            + "晨阳鑫宏志刚海燕春梅晓东雪飞云峰凤丹宁琳婷慧颖成龙德福永林波鸿宝淑珍荣凯睿泽瑞晗诗悦嘉铭";
    private static final String[] TRADE = ("龙江 北方 松花 冰城 远东 华夏 鑫达 恒通 泰和 金源 宏图 盛世 天成 瑞丰 兴隆 永安 "
            + "博远 众诚 嘉禾 东方").split(" ");
    private static final String[] INDUSTRY = ("科技 商贸 建筑工程 物流 食品 医药 机械制造 餐饮管理 物业服务 农业开发 "
            + "电子 服饰 教育咨询 汽车销售 印刷").split(" ");

    /** One synthetic person, as the registry row holds it. */
    record Person(String idNumber, String name, String initials, Gender gender, LocalDate birthDate,
                  InsuranceType insuranceType, InsuredStatus status, int unitIndex, String phone,
                  String householdAddress, long accountBalanceFen) {
    }

    /** One synthetic unit. */
    record Unit(String creditCode, String name, String regionCode, String unitType, String address,
                String contactName, String contactPhone) {
    }

    private final long seed;
    private final int units;
    private final Map<String, String> initialsCache = new HashMap<>();

    /** @param units how many units exist (persons with a unit link to one of them; 0 for none) */
    Synthetic(long seed, int units) {
        this.seed = seed;
        this.units = units;
    }

    private SplittableRandom random(long kind, long i) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + i);
    }

    /** A staff member's resident ID number for bench users (valid check digit, a different person per n). */
    static String staffId(int n) {
        String first17 = "230102" + "19800101" + String.format("%03d", n);
        return first17 + org.ybdesk.core.validation.Validators.residentIdCheckChar(first17);
    }

    /** The i-th valid 居民身份证 number, {@code 0 <= i < SPACE}; distinct i give distinct numbers. */
    static String residentId(long i) {
        if (i < 0 || i >= SPACE) {
            throw new IllegalArgumentException("person index out of range: " + i);
        }
        long k = Math.floorMod(i * MULT + OFFSET, SPACE);
        int region = (int) (k % REGIONS.length);
        k /= REGIONS.length;
        int day = (int) (k % DAYS);
        int seq = (int) (k / DAYS);
        StringBuilder sb = new StringBuilder(18);
        sb.append(REGIONS[region]).append(BIRTH_FROM.plusDays(day).format(DateTimeFormatter.BASIC_ISO_DATE));
        if (seq < 100) {
            sb.append('0');
        }
        if (seq < 10) {
            sb.append('0');
        }
        sb.append(seq);
        sb.append(Validators.residentIdCheckChar(sb.toString()));
        return sb.toString();
    }

    /** A valid 统一社会信用代码 for unit j: 91 (enterprise) + division + 9-digit organisation code + check. */
    static String creditCode(int j) {
        String first17 = "91" + REGIONS[j % REGIONS.length]
                + String.format("%09d", Math.floorMod(j * 7919L + 12345L, 1_000_000_000L));
        return first17 + Validators.creditCodeCheckChar(first17);
    }

    String personName(long i) {
        SplittableRandom r = random(1, i);
        double u = r.nextDouble();
        String surname = SURNAMES[(int) (SURNAMES.length * u * u)];
        StringBuilder sb = new StringBuilder(surname);
        int len = r.nextInt(10) < 3 ? 1 : 2;
        for (int k = 0; k < len; k++) {
            sb.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }

    /** The pinyin initials as the registry stores them (NameIndex), cached: names repeat a lot. */
    String initials(String name) {
        return initialsCache.computeIfAbsent(name, NameIndex::initials);
    }

    Person person(long i) {
        String id = residentId(i);
        String name = personName(i);
        SplittableRandom r = random(2, i);
        int seqDigit = id.charAt(16) - '0';
        LocalDate birth = LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
        boolean employee = units > 0 && r.nextInt(100) < 55 && birth.getYear() <= 2004;
        int st = r.nextInt(100);
        InsuredStatus status = st < 95 ? InsuredStatus.INSURED : st < 98 ? InsuredStatus.SUSPENDED
                : InsuredStatus.TERMINATED;
        String phone = r.nextInt(100) < 85 ? "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000))
                : null;
        int region = r.nextInt(REGIONS.length);
        String address = "黑龙江省哈尔滨市" + REGION_NAMES[region] + GIVEN.charAt(r.nextInt(GIVEN.length()))
                + GIVEN.charAt(r.nextInt(GIVEN.length())) + "街" + (1 + r.nextInt(300)) + "号";
        return new Person(id, name, initials(name), Gender.ofSequenceDigit(seqDigit), birth,
                employee ? InsuranceType.EMPLOYEE : InsuranceType.RESIDENT, status,
                employee ? r.nextInt(units) : -1, phone, address, employee ? r.nextInt(2_000_000) : 0L);
    }

    Unit unit(int j) {
        SplittableRandom r = random(3, j);
        String region = REGIONS[j % REGIONS.length];
        String regionName = REGION_NAMES[j % REGIONS.length];
        String name = "哈尔滨" + TRADE[r.nextInt(TRADE.length)] + INDUSTRY[r.nextInt(INDUSTRY.length)] + "有限公司"
                + (j >= TRADE.length * INDUSTRY.length ? regionName + "分公司" + (j / (TRADE.length * INDUSTRY.length))
                : "");
        String contact = SURNAMES[r.nextInt(20)] + GIVEN.charAt(r.nextInt(GIVEN.length()));
        return new Unit(creditCode(j), name, region, "企业", "黑龙江省哈尔滨市" + regionName + "长江路" + (1 + r.nextInt(500)) + "号",
                contact, "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000)));
    }
}
