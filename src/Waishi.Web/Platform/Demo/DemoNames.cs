using Waishi.Web.Features.Organisation;

namespace Waishi.Web.Platform.Demo;

/// <summary>Made-up but plausible names for demo people.</summary>
public static class DemoNames
{
    private static readonly (string Zh, string En)[] Surnames =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"),
        ("赵", "Zhao"), ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"), ("胡", "Hu"), ("朱", "Zhu"),
        ("高", "Gao"), ("林", "Lin"), ("何", "He"), ("郭", "Guo"), ("马", "Ma"), ("罗", "Luo"), ("谭", "Tan"), ("冉", "Ran"),
    ];

    private static readonly (string Zh, string En)[] Given =
    [
        ("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("磊", "Lei"), ("洋", "Yang"),
        ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"), ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"), ("霞", "Xia"),
        ("平", "Ping"), ("刚", "Gang"), ("晓东", "Xiaodong"), ("海燕", "Haiyan"), ("建华", "Jianhua"), ("志强", "Zhiqiang"),
        ("雪梅", "Xuemei"), ("宇航", "Yuhang"), ("思远", "Siyuan"), ("嘉怡", "Jiayi"), ("子涵", "Zihan"), ("俊杰", "Junjie"),
    ];

    public static readonly string[] Nationalities = ["PK", "IN", "NP", "BD", "TH", "RU", "KZ", "GH", "NG", "KR", "ZM", "YE"];

    public static (string Zh, string En) Person(Random random)
    {
        var s = Surnames[random.Next(Surnames.Length)];
        var g = Given[random.Next(Given.Length)];
        return (s.Zh + g.Zh, $"{g.En} {s.En}");
    }

    public static string Title(OrgUnitKind kind, int index, Random random) => kind switch
    {
        OrgUnitKind.Leadership => index == 0 ? "Vice President" : "Assistant President",
        OrgUnitKind.Office or OrgUnitKind.Section => index == 0 ? "Director" : "Officer",
        _ => index == 0 ? "Dean" : random.Next(3) switch { 0 => "Professor", 1 => "Associate Professor", _ => "Lecturer" },
    };
}
