using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Demo;

public sealed record DemoUnit(string Code, string NameZh, string NameEn, OrgUnitKind Kind, string? Parent = null);

public sealed record DemoPlan(
    string Code, string NameZh, string NameEn, TenantKind Kind, string MailDomain,
    string? AddressZh, string? AddressEn, string? Phone, string? Fax, string? Website, IReadOnlyList<DemoUnit> Units);

/// <summary>The tenants of the demo city and their unit trees, after the seed documents.</summary>
public static class DemoPlans
{
    private static List<DemoUnit> Office(string code, params DemoUnit[] colleges) =>
    [
        new(code + "-LEAD", "校领导", "University Leadership", OrgUnitKind.Leadership),
        new(code + "-IO", "国际合作与交流处", "Office of International Affairs", OrgUnitKind.Office),
        new(code + "-HMT", "港澳台及综合事务科", "Section of Hong Kong, Macao, Taiwan and General Affairs", OrgUnitKind.Section, code + "-IO"),
        new(code + "-GLOBAL", "国际交流与合作科", "Section of International Staff & Global Relations", OrgUnitKind.Section, code + "-IO"),
        new(code + "-ABROAD", "出国留学科", "Section of Study Abroad", OrgUnitKind.Section, code + "-IO"),
        new(code + "-EXIT", "出国(境)管理科", "Section of Exit Administration", OrgUnitKind.Section, code + "-IO"),
        new(code + "-SEC", "保密办公室", "Secrecy Office", OrgUnitKind.Office),
        .. colleges,
    ];

    public static readonly IReadOnlyList<DemoPlan> All =
    [
        new("CQFAO", "重庆市人民政府外事办公室", "Chongqing Municipal Foreign Affairs Office", TenantKind.Authority, "fao.cq.gov.cn",
            "重庆市渝北区", "Yubei District, Chongqing", "+86 23 63898000", null, "https://zfwb.cq.gov.cn",
            [
                new("CQFAO-IO", "办公室", "General Office", OrgUnitKind.Office),
                new("CQFAO-PASS", "护照签证处", "Passport and Visa Division", OrgUnitKind.Department),
                new("CQFAO-PROT", "礼宾处", "Protocol Division", OrgUnitKind.Department),
                new("CQFAO-EXCH", "国际交流处", "International Exchange Division", OrgUnitKind.Department),
                new("CQFAO-CONS", "领事处", "Consular Division", OrgUnitKind.Department),
                new("CQFAO-OC", "侨务处", "Overseas Chinese Affairs Division", OrgUnitKind.Department),
                new("CQFAO-SEC", "保密室", "Secrecy Office", OrgUnitKind.Office),
            ]),
        new("CQU", "重庆大学", "Chongqing University", TenantKind.Institution, "cqu.edu.cn",
            "重庆市沙坪坝区沙正街174号，400044", "174 Shazheng St., Shapingba, Chongqing 400044, China",
            "+86(23)65102391", "+86(23)65106656", "https://www.cqu.edu.cn",
            Office("CQU",
                new("CQU-ME", "机械与运载工程学院", "College of Mechanical and Vehicle Engineering", OrgUnitKind.College),
                new("CQU-EE", "电气工程学院", "School of Electrical Engineering", OrgUnitKind.College),
                new("CQU-CS", "计算机学院", "College of Computer Science", OrgUnitKind.College),
                new("CQU-ARCH", "建筑城规学院", "School of Architecture and Urban Planning", OrgUnitKind.College),
                new("CQU-OPT", "光电工程学院", "College of Optoelectronic Engineering", OrgUnitKind.College),
                new("CQU-MGT", "经济与工商管理学院", "School of Economics and Business Administration", OrgUnitKind.College),
                new("CQU-NANO", "新型微纳器件与系统技术国防重点学科实验室", "Defense Key Disciplines Lab of Novel Micro-nano Devices and System Technology", OrgUnitKind.Institute, "CQU-OPT"))),
        new("CQUPT", "重庆邮电大学", "Chongqing University of Posts and Telecommunications", TenantKind.Institution, "cqupt.edu.cn",
            "重庆市南岸区崇文路2号，400065", "2 Chongwen Rd., Nan'an, Chongqing 400065, China", "+86 23 62461023", null, "https://www.cqupt.edu.cn",
            Office("CQUPT",
                new("CQUPT-COMM", "通信与信息工程学院", "School of Communications and Information Engineering", OrgUnitKind.College),
                new("CQUPT-CS", "计算机科学与技术学院", "College of Computer Science and Technology", OrgUnitKind.College),
                new("CQUPT-OPT", "光电工程学院", "School of Optoelectronic Engineering", OrgUnitKind.College),
                new("CQUPT-EM", "经济管理学院", "School of Economics and Management", OrgUnitKind.College),
                new("CQUPT-INTL", "国际学院", "International College", OrgUnitKind.College))),
        new("CQMU", "重庆医科大学", "Chongqing Medical University", TenantKind.Institution, "cqmu.edu.cn",
            "重庆市渝中区医学院路1号，400016", "1 Yixueyuan Rd., Yuzhong, Chongqing 400016, China", "+86 23 68485000", null, "https://www.cqmu.edu.cn",
            Office("CQMU",
                new("CQMU-BASIC", "基础医学院", "College of Basic Medicine", OrgUnitKind.College),
                new("CQMU-CLIN1", "第一临床学院", "The First Clinical College", OrgUnitKind.College),
                new("CQMU-PH", "公共卫生学院", "School of Public Health", OrgUnitKind.College),
                new("CQMU-INTL", "国际医学院", "International Medical College", OrgUnitKind.College),
                new("CQMU-H1", "附属第一医院", "The First Affiliated Hospital", OrgUnitKind.Hospital),
                new("CQMU-H2", "附属第二医院", "The Second Affiliated Hospital", OrgUnitKind.Hospital))),
    ];
}
