namespace EasternSelect.Domain.Security;

/// <summary>The roles of PRODUCT.md. The names are stored in the database: never rename one.</summary>
public static class Roles
{
    public const string QaInspector = "QaInspector";
    public const string QaManager = "QaManager";
    public const string SupplierOfficer = "SupplierOfficer";
    public const string SupplierHead = "SupplierHead";
    public const string CxAgent = "CxAgent";
    public const string MajorCaseTeam = "MajorCaseTeam";
    public const string Merchandiser = "Merchandiser";
    public const string CommitteeMember = "CommitteeMember";
    public const string ThirdPartyAuditor = "ThirdPartyAuditor";
    public const string Executive = "Executive";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
    [
        QaInspector, QaManager, SupplierOfficer, SupplierHead, CxAgent, MajorCaseTeam,
        Merchandiser, CommitteeMember, ThirdPartyAuditor, Executive, Administrator,
    ];
}
