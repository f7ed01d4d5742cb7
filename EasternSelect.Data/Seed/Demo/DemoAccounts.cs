using EasternSelect.Domain.Security;

namespace EasternSelect.Data.Seed;

/// <summary>One demo account per role, plus one committee member per department (README lists them). Only seeded in demo mode.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo!Pass2026";

    public static readonly IReadOnlyList<(string Email, string Role, string DisplayName)> All =
    [
        ("admin@demo.local", Roles.Administrator, "系統管理員 林志豪"),
        ("qa.inspector@demo.local", Roles.QaInspector, "品保檢驗員 陳怡君"),
        ("qa.manager@demo.local", Roles.QaManager, "品保主管 黃建國"),
        ("supplier.officer@demo.local", Roles.SupplierOfficer, "廠服專員 張雅婷"),
        ("supplier.head@demo.local", Roles.SupplierHead, "廠服主管 李文傑"),
        ("cx.agent@demo.local", Roles.CxAgent, "客服專員 王淑芬"),
        ("major.case@demo.local", Roles.MajorCaseTeam, "重案小組 吳俊宏"),
        ("merchandiser@demo.local", Roles.Merchandiser, "商品行銷 劉佳穎"),
        ("committee@demo.local", Roles.CommitteeMember, "審議委員 蔡明哲"),
        ("committee.programme@demo.local", Roles.CommitteeMember, "審議委員 許雅雯"),
        ("committee.catalogue@demo.local", Roles.CommitteeMember, "審議委員 鄭家豪"),
        ("committee.qa@demo.local", Roles.CommitteeMember, "審議委員 謝佩珊"),
        ("auditor@demo.local", Roles.ThirdPartyAuditor, "第三方稽核 楊宗翰"),
        ("executive@demo.local", Roles.Executive, "總經理 周美玲"),
    ];
}
