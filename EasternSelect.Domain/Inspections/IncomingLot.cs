using EasternSelect.Domain.Common;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Inspections;

public enum LotStatus
{
    /// <summary>Received and waiting for inspection.</summary>
    Received,

    /// <summary>Inspected and decided; no longer editable.</summary>
    Decided,
}

/// <summary>
/// A received lot and its incoming inspection (入庫檢驗): one sampling plan and result per defect class;
/// the lot is rejected when any class rejects. A re-inspection (複檢) of a rejected lot is its own lot
/// row pointing at the original and at the corrective-action request; it does not count for switching.
/// </summary>
public sealed class IncomingLot : AggregateRoot
{
    public const int LotNumberMaxLength = 40;
    public const int NoteMaxLength = 1000;

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    public int ProductId { get; set; }

    public Product? Product { get; set; }

    /// <summary>The product stream: the product's category when the lot was received.</summary>
    public SupplierCategory Category { get; set; }

    public string LotNumber { get; set; } = string.Empty;

    public DateOnly ReceivedOn { get; set; }

    /// <summary>The first day of <see cref="ReceivedOn"/>'s month (the quality figures group by it).</summary>
    public DateOnly Month { get; set; }

    public int LotSize { get; set; }

    /// <summary>Units ordered but not delivered (短交).</summary>
    public int UnitsShort { get; set; }

    public InspectionLevel Level { get; set; } = InspectionLevel.II;

    public LotStatus Status { get; set; } = LotStatus.Received;

    /// <summary>Accepted or Rejected once decided (accepted-in-gap is stored per class).</summary>
    public LotDecision? Decision { get; set; }

    public bool IsReinspection { get; set; }

    public int? ReinspectionOfLotId { get; set; }

    /// <summary>For a re-inspection: the corrective-action request it follows.</summary>
    public int? CorrectiveActionId { get; set; }

    public string? InspectedById { get; set; }

    public string? InspectedByName { get; set; }

    public DateOnly? InspectedOn { get; set; }

    public DateTime? DecidedUtc { get; set; }

    /// <summary>Sample units inspected (the largest sample of the classes: the same units are checked for every class).</summary>
    public int UnitsSampled { get; set; }

    /// <summary>Nonconformities found, all classes.</summary>
    public int DefectsFound { get; set; }

    /// <summary>The sample's defect fraction applied to the lot (DefectsFound × LotSize ÷ UnitsSampled, rounded).</summary>
    public int EstimatedDefectiveUnits { get; set; }

    public string? Note { get; set; }

    public List<IncomingLotClassResult> Results { get; set; } = [];

    public bool IsRejected => Decision == LotDecision.Rejected;

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>
    /// A re-inspection (複檢) of this lot: the same delivery at the same level, not counted by the switching rules.
    /// The caller links it to this lot and its corrective action once their ids are known.
    /// </summary>
    public IncomingLot NewReinspection(string? note) => new()
    {
        SupplierId = SupplierId,
        ProductId = ProductId,
        Category = Category,
        LotNumber = LotNumber,
        ReceivedOn = ReceivedOn,
        Month = Month,
        LotSize = LotSize,
        UnitsShort = UnitsShort,
        Level = Level,
        IsReinspection = true,
        Note = note,
    };

    /// <summary>Error keys for a lot's receipt data; empty when valid.</summary>
    public static IReadOnlyList<string> ValidateReceipt(string? lotNumber, DateOnly? receivedOn, int lotSize, int unitsShort, DateOnly today)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(lotNumber))
        {
            errors.Add("Lots.LotNumberRequired");
        }
        else if (lotNumber.Trim().Length > LotNumberMaxLength)
        {
            errors.Add("Lots.LotNumberTooLong");
        }

        if (receivedOn is null)
        {
            errors.Add("Lots.ReceivedOnRequired");
        }
        else if (receivedOn > today)
        {
            errors.Add("Lots.ReceivedInFuture");
        }

        if (lotSize < 2)
        {
            errors.Add("Lots.LotSizeTooSmall");
        }

        if (unitsShort < 0)
        {
            errors.Add("Lots.UnitsShortNegative");
        }

        return errors;
    }

    /// <summary>
    /// Decides the lot from each class's plan and nonconformities. Throws when the lot is already decided;
    /// returns error keys (and decides nothing) when an input is out of range.
    /// </summary>
    public IReadOnlyList<string> Decide(IReadOnlyList<ClassInspection> classes, DateOnly inspectedOn, DateOnly today, string? byId, string byName, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (Status == LotStatus.Decided)
        {
            throw new InvalidOperationException($"Lot {LotNumber} is already decided.");
        }

        var errors = new List<string>();
        if (classes.Count == 0 || classes.Select(c => c.DefectClass).Distinct().Count() != classes.Count)
        {
            errors.Add("Lots.ClassesRequired");
        }

        if (classes.Any(c => c.Defects < 0))
        {
            errors.Add("Lots.DefectsNegative");
        }

        if (classes.Any(c => c.Defects > c.Plan.SampleSize))
        {
            errors.Add("Lots.DefectsExceedSample");
        }

        if (inspectedOn > today)
        {
            errors.Add("Lots.InspectedInFuture");
        }
        else if (inspectedOn < ReceivedOn)
        {
            errors.Add("Lots.InspectedBeforeReceived");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        Results = [.. classes.Select(c => new IncomingLotClassResult
        {
            DefectClass = c.DefectClass,
            Aql = c.Aql,
            Severity = c.Severity,
            CodeLetter = c.Plan.CodeLetter.ToString(),
            SampleSize = c.Plan.SampleSize,
            Accept = c.Plan.Accept,
            Reject = c.Plan.Reject,
            Defects = c.Defects,
            Decision = LotDecisions.Decide(c.Plan, c.Defects),
        })];
        Decision = Results.Any(r => r.Decision == LotDecision.Rejected) ? LotDecision.Rejected : LotDecision.Accepted;
        UnitsSampled = Results.Max(r => r.SampleSize);
        DefectsFound = Results.Sum(r => r.Defects);
        EstimatedDefectiveUnits = (int)Math.Min(LotSize, Math.Round((double)DefectsFound * LotSize / UnitsSampled, MidpointRounding.AwayFromZero));
        Status = LotStatus.Decided;
        InspectedOn = inspectedOn;
        InspectedById = byId;
        InspectedByName = byName;
        DecidedUtc = utc;
        return errors;
    }
}

/// <summary>What the inspector found for one defect class, with the plan it was inspected against.</summary>
public sealed record ClassInspection(DefectClass DefectClass, decimal Aql, InspectionSeverity Severity, SamplingPlan Plan, int Defects);

/// <summary>One defect class of a decided lot: the plan used (letter, n, Ac, Re at its AQL and severity) and what was found.</summary>
public sealed class IncomingLotClassResult : Entity
{
    public int IncomingLotId { get; set; }

    public DefectClass DefectClass { get; set; }

    public decimal Aql { get; set; }

    public InspectionSeverity Severity { get; set; }

    public string CodeLetter { get; set; } = string.Empty;

    public int SampleSize { get; set; }

    public int Accept { get; set; }

    public int Reject { get; set; }

    public int Defects { get; set; }

    public LotDecision Decision { get; set; }

    public SamplingPlan Plan => new(CodeLetter[0], SampleSize, Accept, Reject);
}
