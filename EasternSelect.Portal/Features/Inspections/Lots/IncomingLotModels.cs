using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Portal.Features.Inspections.Lots;

/// <summary>Defaults of the incoming inspection (appsettings "Inspections:IncomingLots").</summary>
public sealed class IncomingLotOptions
{
    public const string Section = "Inspections:IncomingLots";

    public InspectionLevel Level { get; set; } = InspectionLevel.II;

    public decimal CriticalAql { get; set; } = 0.065m;

    public decimal MajorAql { get; set; } = 1.0m;

    public decimal MinorAql { get; set; } = 2.5m;

    public int CorrectiveActionDueDays { get; set; } = CorrectiveAction.DefaultDueDays;

    public decimal DefaultAql(DefectClass defectClass) => defectClass switch
    {
        DefectClass.Critical => CriticalAql,
        DefectClass.Major => MajorAql,
        _ => MinorAql,
    };
}

public sealed record LotQuery(
    int? SupplierId, int? ProductId, LotDecisionFilter? Decision, DateOnly? Month, InspectionSeverity? StreamSeverity, int Page, int PageSize,
    CorrectiveActionFilter? Action = null);

public enum LotDecisionFilter
{
    Pending,
    Accepted,
    Rejected,
    Reinspection,

    /// <summary>Decided original lots (no re-inspections): what the quality figures count as inspected.</summary>
    Inspected,

    /// <summary>Rejected original lots: the numerator of the quality figures' rejection rate.</summary>
    RejectedOriginal,
}

/// <summary>Lots whose corrective-action request is open, or open past its due date.</summary>
public enum CorrectiveActionFilter
{
    Open,
    Overdue,
}

public sealed record LotRow(
    int Id, string LotNumber, DateOnly ReceivedOn, int SupplierId, string SupplierName, string ProductSku, string ProductName,
    SupplierCategory Category, int LotSize, int UnitsShort, LotStatus Status, LotDecision? Decision, bool IsReinspection,
    int DefectsFound, int UnitsSampled, CorrectiveActionStatus? CorrectiveActionStatus, DateOnly? CorrectiveActionDueOn);

public sealed record NewLotRequest(int? SupplierId, int? ProductId, string? LotNumber, DateOnly? ReceivedOn, int LotSize, int UnitsShort, InspectionLevel Level, string? Note);

/// <summary>The plan a class is (or was) inspected with, and the stream it belongs to.</summary>
public sealed record ClassPlanView(
    DefectClass DefectClass, decimal Aql, InspectionSeverity Severity, char CodeLetter, int SampleSize, int Accept, int Reject,
    int? Defects, LotDecision? Decision, int? StreamId, Guid? StreamVersion, bool StreamDiscontinued);

public sealed record StreamView(
    int Id, DefectClass DefectClass, decimal Aql, InspectionSeverity Severity, bool IsDiscontinued, int SwitchingScore, bool EligibleForReduced,
    int LotsCounted, Guid Version, IReadOnlyList<TransitionView> Transitions);

public sealed record TransitionView(InspectionSeverity From, InspectionSeverity To, SwitchReason Reason, int? LotId, string? LotNumber, DateTime OccurredUtc, string By);

public sealed record CorrectiveActionView(
    int Id, DateOnly RequestedOn, DateOnly DueOn, string Description, CorrectiveActionStatus Status, bool IsLate,
    string? SupplierResponse, DateOnly? AcceptedOn, string? AcceptedBy, Guid Version);

public sealed record LinkedLotView(int Id, string LotNumber, LotStatus Status, LotDecision? Decision, DateOnly? InspectedOn);

public sealed record LotDetail(
    int Id, Guid Version, string LotNumber, int SupplierId, string SupplierName, SupplierTier SupplierTier, int ProductId, string ProductSku, string ProductName,
    SupplierCategory Category, DateOnly ReceivedOn, int LotSize, int UnitsShort, InspectionLevel Level, LotStatus Status, LotDecision? Decision,
    bool IsReinspection, LinkedLotView? Original, int? CorrectiveActionId, string? InspectedByName, DateOnly? InspectedOn, string? Note,
    IReadOnlyList<ClassPlanView> Plans, CorrectiveActionView? CorrectiveAction, IReadOnlyList<LinkedLotView> Reinspections,
    IReadOnlyList<StreamView> Streams);

public sealed record ClassFinding(DefectClass DefectClass, decimal Aql, int Defects, InspectionSeverity SeverityShown, Guid? StreamVersion);

public sealed record DecideLotRequest(int LotId, Guid Version, DateOnly? InspectedOn, IReadOnlyList<ClassFinding> Classes, string? Note);

public sealed record StreamQuery(int? SupplierId, InspectionSeverity? Severity, bool? Discontinued, bool? Eligible, int Page, int PageSize);

public sealed record StreamRow(
    int Id, int SupplierId, string SupplierName, SupplierCategory Category, DefectClass DefectClass, decimal Aql, InspectionSeverity Severity,
    int SwitchingScore, bool EligibleForReduced, bool IsDiscontinued, int LotsCounted, Guid Version, DateTime UpdatedUtc);
