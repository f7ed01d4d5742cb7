using EasternSelect.Portal.Infrastructure.Security;

namespace EasternSelect.Portal.Features.Reports;

public enum ReportParameterKind
{
    None,
    YearRange,
    Year,

    /// <summary><c>?meeting={id}</c>, required.</summary>
    Meeting,

    /// <summary><c>?meeting={id}[&amp;supplier={id}]</c>.</summary>
    MeetingSupplier,

    /// <summary><c>?month=yyyy-MM</c>; defaults to last month.</summary>
    Month,

    /// <summary><c>?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c> (inclusive, at most 3 years, not after today); defaults to the last complete year.</summary>
    DateRange,
}

/// <summary>
/// A report the portal offers: its key (the URL /reports/{key}.pdf|.xlsx), title, the policy that admits a
/// person to it, its parameters, and whether it exists as PDF (the big list exports are Excel only).
/// </summary>
public sealed record ReportDefinition(string Key, string TitleKey, string DescriptionKey, string Policy, ReportParameterKind Parameters, bool HasPdf = true, bool Listed = true)
{
    public bool HasOnScreen => HasPdf;
}

/// <summary>The parsed, checked parameters of one report request.</summary>
public sealed record ReportParameters(int From, int To, int Year, int Meeting = 0, int? Supplier = null, DateOnly? Month = null, DateOnly? FromDate = null, DateOnly? ToDate = null)
{
    public static readonly ReportParameters None = new(0, 0, 0);
}

/// <summary>A report asked for a record that does not exist (an unknown meeting): the endpoint answers 404.</summary>
public sealed class ReportNotFoundException : Exception
{
    public ReportNotFoundException()
    {
    }

    public ReportNotFoundException(string message)
        : base(message)
    {
    }

    public ReportNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

public static class ReportCatalog
{
    public const string SupplierReviews = "supplier-reviews";
    public const string Training = "training";
    public const string Suppliers = "suppliers";
    public const string Products = "products";
    public const string Esg = "esg";
    public const string CommitteeMinutes = "committee";
    public const string AnomalyMinutes = "anomaly-meeting";
    public const string Inspections = "inspections";
    public const string Complaints = "complaints";
    public const string Grievances = "grievances";

    public static readonly IReadOnlyList<ReportDefinition> All =
    [
        new(Esg, "Reports.Esg.Title", "Reports.Esg.Description", Policies.EsgReport, ReportParameterKind.Year),
        new(SupplierReviews, "Reports.SupplierReviews.Title", "Reports.SupplierReviews.Description", Policies.SupplierReports, ReportParameterKind.YearRange),
        new(Training, "Reports.Training.Title", "Reports.Training.Description", Policies.SupplierReports, ReportParameterKind.YearRange),
        new(Suppliers, "Reports.Suppliers.Title", "Reports.Suppliers.Description", Policies.SupplierReports, ReportParameterKind.None),
        new(Products, "Reports.Products.Title", "Reports.Products.Description", Policies.SupplierReports, ReportParameterKind.None, HasPdf: false),

        // QA's monthly inspection figures (for the quality-anomaly meeting).
        new(Inspections, "Reports.Inspections.Title", "Reports.Inspections.Description", Policies.Inspections, ReportParameterKind.Month),

        // Complaint statistics: the customer-experience centre, the major-case team, QA and executives (the complaint KPI readers).
        new(Complaints, "Reports.Complaints.Title", "Reports.Complaints.Description", Policies.ComplaintKpis, ReportParameterKind.DateRange),

        // Grievance statistics over all cases: the supplier-service head and executives (立馬辦), not the auditor who sees only its cases.
        new(Grievances, "Reports.Grievances.Title", "Reports.Grievances.Description", Policies.GrievanceDigest, ReportParameterKind.Year),
        new(CommitteeMinutes, "Committee.MinutesTitle", "Committee.MinutesTitle", Policies.ProductProposals, ReportParameterKind.Meeting, Listed: false),
        new(AnomalyMinutes, "Anomaly.MinutesTitle", "Anomaly.MinutesTitle", Policies.AnomalyMeetings, ReportParameterKind.MeetingSupplier, Listed: false),
    ];

    public static ReportDefinition? Find(string key) => All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal));
}
