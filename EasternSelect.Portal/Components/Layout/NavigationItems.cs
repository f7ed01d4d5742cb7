using EasternSelect.Portal.Infrastructure.Security;
using MudBlazor;

namespace EasternSelect.Portal.Components.Layout;

/// <summary>A menu entry. <paramref name="ExactMatch"/> stops "/suppliers" lighting up on "/suppliers/reviews".</summary>
public sealed record NavigationItem(string Key, string TitleKey, string Href, string Icon, string Policy, bool ExactMatch = false);

/// <summary>
/// A group is shown when its policy admits the person, an item when the item's policy does.
/// The group policy is the loosest of its items (the portal has no "any of" policy syntax).
/// </summary>
public sealed record NavigationGroup(string TitleKey, string Icon, string Policy, IReadOnlyList<NavigationItem> Items);

public static class NavigationItems
{
    public static readonly IReadOnlyList<NavigationGroup> Groups =
    [
        new("Nav.Dashboard", Icons.Material.Filled.Dashboard, Policies.Dashboards,
        [
            new("dashboard", "Nav.Dashboard", "/dashboard", Icons.Material.Filled.Dashboard, Policies.Dashboards),
        ]),
        new("Nav.Suppliers", Icons.Material.Filled.Factory, Policies.ProductCatalogue,
        [
            new("suppliers", "Nav.SupplierRegistry", "/suppliers", Icons.Material.Filled.Store, Policies.SupplierRegistry, ExactMatch: true),
            new("products", "Nav.Products", "/products", Icons.Material.Filled.Inventory2, Policies.ProductCatalogue),
            new("reviews", "Nav.Reviews", "/suppliers/reviews", Icons.Material.Filled.FactCheck, Policies.QualificationReview),
            new("tiering", "Nav.Tiering", "/suppliers/tiering", Icons.Material.Filled.Leaderboard, Policies.TierView),
            new("training", "Nav.Training", "/suppliers/training", Icons.Material.Filled.School, Policies.SupplierRegistry),
        ]),
        new("Nav.Inspections", Icons.Material.Filled.Verified, Policies.Inspections,
        [
            new("inspection-specs", "Nav.InspectionSpecs", "/inspections/specs", Icons.Material.Filled.Rule, Policies.Inspections),
            new("inspection-samples", "Nav.SampleInspections", "/inspections/samples", Icons.Material.Filled.Science, Policies.Inspections),
            new("inspection-lots", "Nav.IncomingLots", "/inspections/lots", Icons.Material.Filled.LocalShipping, Policies.Inspections),
            new("inspection-spot-checks", "Nav.SpotChecks", "/inspections/spot-checks", Icons.Material.Filled.PersonSearch, Policies.Inspections),
            new("inspection-audits", "Nav.FactoryAudits", "/inspections/audits", Icons.Material.Filled.Factory, Policies.Inspections),
            new("inspection-quality", "Nav.QualityFigures", "/inspections/quality", Icons.Material.Filled.QueryStats, Policies.Inspections),
            new("inspection-labs", "Nav.RecognisedLabs", "/inspections/labs", Icons.Material.Filled.Biotech, Policies.InspectionApprove),
        ]),
        new("Nav.Reports", Icons.Material.Filled.Assessment, Policies.Reports,
        [
            new("reports", "Nav.Reports", "/reports", Icons.Material.Filled.Assessment, Policies.Reports),
        ]),
        new("Nav.Committees", Icons.Material.Filled.Groups, Policies.Committees,
        [
            new("committee-product-review", "Nav.ProductReview", "/committees/product-review", Icons.Material.Filled.HowToVote, Policies.ProductProposals),
            new("committee-anomaly", "Nav.AnomalyMeetings", "/committees/anomaly", Icons.Material.Filled.ReportProblem, Policies.AnomalyMeetings),
            new("committee-members", "Nav.CommitteeMembers", "/committees/members", Icons.Material.Filled.Badge, Policies.CommitteeChair),
        ]),
        new("Nav.Casework", Icons.Material.Filled.SupportAgent, Policies.Casework,
        [
            new("complaints", "Nav.Complaints", "/complaints", Icons.Material.Filled.HeadsetMic, Policies.Complaints, ExactMatch: true),
            new("complaint-kpis", "Nav.ComplaintKpis", "/complaints/kpis", Icons.Material.Filled.Insights, Policies.ComplaintKpis),
            new("grievances", "Nav.Grievances", "/grievances", Icons.Material.Filled.Gavel, Policies.Grievances, ExactMatch: true),
            new("grievance-digest", "Nav.GrievanceDigest", "/grievances/digest", Icons.Material.Filled.MarkEmailUnread, Policies.GrievanceDigest),
        ]),
        new("Nav.Operations", Icons.Material.Filled.Tune, Policies.OperatingDataImport,
        [
            new("operating-import", "Nav.OperatingImport", "/imports/operating-data", Icons.Material.Filled.UploadFile, Policies.OperatingDataImport),
            new("kpi-targets", "Nav.KpiTargets", "/settings/kpi-targets", Icons.Material.Filled.Flag, Policies.KpiTargets),
        ]),
        new("Nav.Administration", Icons.Material.Filled.AdminPanelSettings, Policies.Administration,
        [
            new("admin-users", "Nav.Users", "/admin/users", Icons.Material.Filled.People, Policies.Administration),
            new("admin-audit", "Nav.AuditLog", "/admin/audit", Icons.Material.Filled.History, Policies.Administration),
            new("admin-complaint-topics", "Nav.ComplaintTopics", "/admin/complaint-topics", Icons.Material.Filled.Category, Policies.Administration),
            new("admin-calendar", "Nav.Calendar", "/admin/calendar", Icons.Material.Filled.CalendarMonth, Policies.Administration),
        ]),
    ];
}
