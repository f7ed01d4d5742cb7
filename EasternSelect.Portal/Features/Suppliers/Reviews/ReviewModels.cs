using EasternSelect.Data.Queries;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;

namespace EasternSelect.Portal.Features.Suppliers.Reviews;

public enum ReviewTab
{
    InProgress,
    AwaitingVerdict,
    Decided,
}

public sealed record ReviewRow(int Id, int SupplierId, string SupplierName, ReviewMethod Method, SupplierRisk Risk, ReviewStatus Status,
    string ReviewerName, DateTime StartedUtc, DateTime? SubmittedUtc, DateTime? VerdictUtc, string? VerdictByName);

public sealed record ReviewSupplier(int Id, string Name, string TaxId, SupplierCategory Category, string CountryCode, SupplierStatus Status, SupplierTier Tier)
{
    public bool IsLocal => CountryCode == "TW";

    public static ReviewSupplier From(SupplierChoice choice) =>
        new(choice.Id, choice.Name, choice.TaxId, choice.Category, choice.CountryCode, choice.Status, choice.Tier);

    /// <summary>Whether the tier asks for monthly spot checks (the verdict's default).</summary>
    public bool TierWantsSpotChecks => InspectionIntensity.For(Tier).MonthlySpotCheck;
}

public sealed record ReviewDocumentRow(int Id, ReviewDocumentType Type, bool Provided, int? FileId, string? FileName, string? Sha256, string? Note);

public sealed record ReviewFileRef(int Id, string FileName);

public sealed record ReviewScoreRow(int Id, FactoryItem Item, int? Score, string? Finding, IReadOnlyList<ReviewFileRef> Photos);

public sealed record SpotCheckRow(int Id, DateOnly Month, SpotCheckStatus Status, string? Result);

public sealed record ReviewDetail(
    int Id, Guid Version, ReviewSupplier Supplier, ReviewMethod Method, ReviewMethod SuggestedMethod, string? MethodOverrideReason, string? MethodOverriddenBy,
    SupplierRisk Risk, ReviewStatus Status, string ReviewerId, string ReviewerName, DateTime StartedUtc, DateTime? SubmittedUtc,
    string? VerdictByName, DateTime? VerdictUtc, string? VerdictNote, bool SpotChecksScheduled,
    IReadOnlyList<ReviewDocumentRow> Documents, IReadOnlyList<ReviewScoreRow> Scores, IReadOnlyList<string> Missing,
    bool Recommends, decimal? OnSiteAverage, IReadOnlyList<SpotCheckRow> SpotChecks);

public sealed class StartReviewModel
{
    public int SupplierId { get; set; }

    public SupplierRisk Risk { get; set; } = SupplierRisk.Medium;

    /// <summary>Null keeps the rule's suggestion; another method is an override by the supplier head.</summary>
    public ReviewMethod? Method { get; set; }

    public string? OverrideReason { get; set; }
}

public sealed class VerdictModel
{
    public bool Qualified { get; set; } = true;

    public string? Note { get; set; }

    public bool ScheduleSpotChecks { get; set; }

    public Guid Version { get; set; }
}
