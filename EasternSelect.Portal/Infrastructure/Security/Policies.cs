using EasternSelect.Domain.Security;
using Microsoft.AspNetCore.Authorization;

namespace EasternSelect.Portal.Infrastructure.Security;

/// <summary>
/// Every authorization policy of the portal, declared here and nowhere else. Pages carry
/// <c>[Authorize(Policy = Policies.X)]</c> (or <c>[AllowAnonymous]</c>), and services check the same names.
/// </summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Administration = nameof(Administration);
    public const string SupplierRegistry = nameof(SupplierRegistry);
    public const string ProductCatalogue = nameof(ProductCatalogue);
    public const string SupplierManage = nameof(SupplierManage);
    public const string QualificationReview = nameof(QualificationReview);
    public const string QualificationVerdict = nameof(QualificationVerdict);
    public const string TierView = nameof(TierView);
    public const string TierManage = nameof(TierManage);
    public const string TrainingManage = nameof(TrainingManage);
    public const string CsrEvaluate = nameof(CsrEvaluate);
    public const string Inspections = nameof(Inspections);
    public const string InspectionSpecManage = nameof(InspectionSpecManage);
    public const string InspectionApprove = nameof(InspectionApprove);

    /// <summary>The QA manager's say over listing: lists a pending product by exception, relists a product QA delisted.</summary>
    public const string ListingApprove = nameof(ListingApprove);

    /// <summary>The Reports page and menu: anyone who may open at least one listed report (each report checks its own policy).</summary>
    public const string Reports = nameof(Reports);

    /// <summary>The supplier-side reports (reviews, training, the supplier registry and the product list): not the customer-experience roles.</summary>
    public const string SupplierReports = nameof(SupplierReports);
    public const string EsgReport = nameof(EsgReport);

    /// <summary>Freezing a year's ESG figures as the signed-off, published snapshot.</summary>
    public const string EsgFreeze = nameof(EsgFreeze);

    /// <summary>The drill-down page behind report and KPI figures; each record source checks its own policy too.</summary>
    public const string ReportRecords = nameof(ReportRecords);

    /// <summary>The menu group 委員會: anyone admitted by either committee.</summary>
    public const string Committees = nameof(Committees);

    /// <summary>Sees the 商品審議委員會 meetings, proposals and (per the visibility rule) scores and minutes.</summary>
    public const string ProductProposals = nameof(ProductProposals);

    public const string ProposalSubmit = nameof(ProposalSubmit);

    public const string CommitteeScoring = nameof(CommitteeScoring);

    /// <summary>The general manager chairs the committee: schedules meetings, sets weights, closes scoring, decides.</summary>
    public const string CommitteeChair = nameof(CommitteeChair);

    public const string AnomalyMeetings = nameof(AnomalyMeetings);

    /// <summary>The QA manager chairs the 品質異常會議 (PRODUCT.md): opens, records and closes meetings.</summary>
    public const string AnomalyMeetingManage = nameof(AnomalyMeetingManage);

    // Casework: customer complaints (客訴) and supplier grievances (廠訴).
    public const string Casework = nameof(Casework);
    public const string Complaints = nameof(Complaints);
    public const string MajorCases = nameof(MajorCases);
    public const string ComplaintKpis = nameof(ComplaintKpis);
    public const string ComplaintSettings = nameof(ComplaintSettings);
    public const string Grievances = nameof(Grievances);
    public const string GrievanceIntake = nameof(GrievanceIntake);
    public const string GrievanceManage = nameof(GrievanceManage);
    public const string GrievanceIdentity = nameof(GrievanceIdentity);
    public const string GrievanceDigest = nameof(GrievanceDigest);
    public const string GrievanceAudit = nameof(GrievanceAudit);

    /// <summary>The role dashboards at /dashboard: each person sees the panels of their roles.</summary>
    public const string Dashboards = nameof(Dashboards);

    /// <summary>The executive panel (all KPIs against targets).</summary>
    public const string ExecutiveDashboard = nameof(ExecutiveDashboard);

    /// <summary>Which roles each role-based policy admits; the navigation menu reads the same table.</summary>
    /// <summary>Imports the order system's monthly operating data (/imports/operating-data).</summary>
    public const string OperatingDataImport = nameof(OperatingDataImport);

    /// <summary>Sets the yearly KPI targets (/settings/kpi-targets).</summary>
    public const string KpiTargets = nameof(KpiTargets);

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Administration] = [Roles.Administrator],
        [SupplierRegistry] = [Roles.SupplierOfficer, Roles.SupplierHead, Roles.QaInspector, Roles.QaManager, Roles.Merchandiser, Roles.Executive],
        [SupplierManage] = [Roles.SupplierOfficer, Roles.SupplierHead],
        [QualificationReview] = [Roles.SupplierOfficer, Roles.SupplierHead, Roles.QaInspector, Roles.QaManager],
        [QualificationVerdict] = [Roles.SupplierHead],
        [TierView] = [Roles.QaManager, Roles.QaInspector, Roles.SupplierHead, Roles.SupplierOfficer, Roles.Executive],
        [TierManage] = [Roles.QaManager],
        [TrainingManage] = [Roles.SupplierOfficer, Roles.SupplierHead],
        [CsrEvaluate] = [Roles.SupplierOfficer, Roles.SupplierHead, Roles.QaManager],
        [Inspections] = [Roles.QaInspector, Roles.QaManager],
        [InspectionSpecManage] = [Roles.QaManager],
        [InspectionApprove] = [Roles.QaManager],
        [ListingApprove] = [Roles.QaManager],
        [Reports] = [Roles.QaManager, Roles.QaInspector, Roles.SupplierHead, Roles.SupplierOfficer, Roles.Executive, Roles.CxAgent, Roles.MajorCaseTeam],
        [SupplierReports] = [Roles.QaManager, Roles.QaInspector, Roles.SupplierHead, Roles.SupplierOfficer, Roles.Executive],
        [EsgReport] = [Roles.Executive, Roles.SupplierHead, Roles.QaManager],
        [EsgFreeze] = [Roles.Executive],
        [ReportRecords] = [Roles.QaManager, Roles.QaInspector, Roles.SupplierHead, Roles.SupplierOfficer, Roles.Executive, Roles.CxAgent, Roles.MajorCaseTeam],
        [Committees] = [Roles.Merchandiser, Roles.CommitteeMember, Roles.QaManager, Roles.QaInspector, Roles.SupplierHead, Roles.SupplierOfficer, Roles.Executive],
        [ProductProposals] = [Roles.Merchandiser, Roles.CommitteeMember, Roles.QaManager, Roles.Executive],
        [ProposalSubmit] = [Roles.Merchandiser],
        [CommitteeScoring] = [Roles.CommitteeMember],
        [CommitteeChair] = [Roles.Executive],
        [AnomalyMeetings] = [Roles.QaManager, Roles.QaInspector, Roles.SupplierHead, Roles.SupplierOfficer, Roles.Executive],
        [AnomalyMeetingManage] = [Roles.QaManager],
        // The menu group: anyone who sees one of the casework pages below.
        [Casework] = [Roles.CxAgent, Roles.MajorCaseTeam, Roles.QaManager, Roles.SupplierOfficer, Roles.SupplierHead, Roles.Executive, Roles.ThirdPartyAuditor],
        [Complaints] = [Roles.CxAgent, Roles.MajorCaseTeam],
        [MajorCases] = [Roles.MajorCaseTeam],
        [ComplaintKpis] = [Roles.CxAgent, Roles.MajorCaseTeam, Roles.QaManager, Roles.Executive],
        [ComplaintSettings] = [Roles.MajorCaseTeam],
        [Grievances] = [Roles.SupplierOfficer, Roles.SupplierHead, Roles.Executive, Roles.ThirdPartyAuditor],
        [GrievanceIntake] = [Roles.SupplierOfficer, Roles.SupplierHead],
        [GrievanceManage] = [Roles.SupplierHead],
        // 保護您: the identity of the complainant; an auditor additionally must be assigned to the case (checked per case).
        [GrievanceIdentity] = [Roles.SupplierHead, Roles.Executive, Roles.ThirdPartyAuditor],
        [GrievanceDigest] = [Roles.SupplierHead, Roles.Executive],
        [GrievanceAudit] = [Roles.ThirdPartyAuditor],
        [Dashboards] = [Roles.QaInspector, Roles.QaManager, Roles.SupplierOfficer, Roles.SupplierHead, Roles.CxAgent, Roles.MajorCaseTeam, Roles.Executive],
        [ExecutiveDashboard] = [Roles.Executive],
        [OperatingDataImport] = [Roles.QaManager, Roles.Executive],
        [KpiTargets] = [Roles.QaManager, Roles.Executive],
        [ProductCatalogue] = [Roles.QaInspector, Roles.QaManager, Roles.SupplierOfficer, Roles.SupplierHead, Roles.Merchandiser, Roles.CommitteeMember, Roles.CxAgent, Roles.MajorCaseTeam, Roles.Executive],
    };

    public static void Add(AuthorizationOptions options, bool waiveAdministratorSecondFactor)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        foreach (var (policy, roles) in RolesByPolicy)
        {
            options.AddPolicy(policy, p =>
            {
                p.RequireAuthenticatedUser().RequireRole(roles);
                if (policy == Administration && !waiveAdministratorSecondFactor)
                {
                    // ASVS: administrators must have signed in with a second factor.
                    p.RequireClaim(TwoFactorClaim.Type, TwoFactorClaim.Value);
                }
            });
        }

        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}

/// <summary>The claim Identity's SignInManager adds when a person signed in with a second factor.</summary>
public static class TwoFactorClaim
{
    public const string Type = "amr";
    public const string Value = "mfa";
}
