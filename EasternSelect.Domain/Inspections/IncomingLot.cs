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

    private readonly List<IncomingLotClassResult> _results = [];

    public int SupplierId { get; private set; }

    public Supplier? Supplier { get; set; }

    public int ProductId { get; private set; }

    public Product? Product { get; set; }

    /// <summary>The product stream: the product's category when the lot was received.</summary>
    public SupplierCategory Category { get; private set; }

    public string LotNumber { get; private set; } = string.Empty;

    public DateOnly ReceivedOn { get; private set; }

    /// <summary>The first day of <see cref="ReceivedOn"/>'s month (the quality figures group by it).</summary>
    public DateOnly Month { get; private set; }

    public int LotSize { get; private set; }

    /// <summary>Units ordered but not delivered (短交).</summary>
    public int UnitsShort { get; private set; }

    public InspectionLevel Level { get; private set; } = InspectionLevel.II;

    public LotStatus Status { get; private set; } = LotStatus.Received;

    /// <summary>Accepted or Rejected once decided (accepted-in-gap is stored per class).</summary>
    public LotDecision? Decision { get; private set; }

    public bool IsReinspection { get; private set; }

    public int? ReinspectionOfLotId { get; private set; }

    /// <summary>For a re-inspection: the corrective-action request it follows.</summary>
    public int? CorrectiveActionId { get; private set; }

    public string? InspectedById { get; private set; }

    public string? InspectedByName { get; private set; }

    public DateOnly? InspectedOn { get; private set; }

    public DateTime? DecidedUtc { get; private set; }

    /// <summary>Sample units inspected (the largest sample of the classes: the same units are checked for every class).</summary>
    public int UnitsSampled { get; private set; }

    /// <summary>Nonconformities found, all classes.</summary>
    public int DefectsFound { get; private set; }

    /// <summary>The sample's defect fraction applied to the lot (DefectsFound × LotSize ÷ UnitsSampled, rounded).</summary>
    public int EstimatedDefectiveUnits { get; private set; }

    public string? Note { get; private set; }

    public IReadOnlyList<IncomingLotClassResult> Results => _results;

    public bool IsRejected => Decision == LotDecision.Rejected;

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>A received lot (status Received); the caller has checked the data with <see cref="ValidateReceipt"/>.</summary>
    public static IncomingLot Receive(
        int supplierId, int productId, SupplierCategory category, string lotNumber, DateOnly receivedOn, int lotSize, int unitsShort, InspectionLevel level, string? note) => new()
    {
        SupplierId = supplierId,
        ProductId = productId,
        Category = category,
        LotNumber = lotNumber.Trim(),
        ReceivedOn = receivedOn,
        Month = MonthOf(receivedOn),
        LotSize = lotSize,
        UnitsShort = unitsShort,
        Level = level,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
    };

    /// <summary>
    /// A re-inspection (複檢) of this rejected original lot: the same delivery at the same level, not counted by the switching rules,
    /// linked to this lot and its corrective-action request (<see cref="LinkReinspection"/> links it later when the ids are not known yet).
    /// </summary>
    public IncomingLot NewReinspection(int? correctiveActionId, string? note)
    {
        if (Decision != LotDecision.Rejected || IsReinspection)
        {
            throw new DomainRuleException("Lots.ReinspectionNeedsRejectedLot");
        }

        return new()
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
            ReinspectionOfLotId = Id == 0 ? null : Id,
            CorrectiveActionId = correctiveActionId,
            Note = note,
        };
    }

    /// <summary>Links a re-inspection to its original lot and corrective-action request once both have ids (bulk seeding).</summary>
    public void LinkReinspection(int originalLotId, int? correctiveActionId)
    {
        if (!IsReinspection)
        {
            throw new DomainRuleException("Lots.ReinspectionNeedsRejectedLot");
        }

        ReinspectionOfLotId = originalLotId;
        CorrectiveActionId = correctiveActionId;
    }

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
    /// Decides the lot from each class's plan and nonconformities. Refuses (<see cref="DomainRuleException"/>) a lot already decided;
    /// returns error keys (and decides nothing) when an input is out of range. A note given replaces the receipt note.
    /// </summary>
    public IReadOnlyList<string> Decide(
        IReadOnlyList<ClassInspection> classes, DateOnly inspectedOn, DateOnly today, string? byId, string byName, DateTime utc, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (Status == LotStatus.Decided)
        {
            throw new DomainRuleException("Lots.AlreadyDecided");
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

        _results.AddRange(classes.Select(c => new IncomingLotClassResult
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
        }));
        Decision = Results.Any(r => r.Decision == LotDecision.Rejected) ? LotDecision.Rejected : LotDecision.Accepted;
        UnitsSampled = Results.Max(r => r.SampleSize);
        DefectsFound = Results.Sum(r => r.Defects);
        EstimatedDefectiveUnits = (int)Math.Min(LotSize, Math.Round((double)DefectsFound * LotSize / UnitsSampled, MidpointRounding.AwayFromZero));
        Status = LotStatus.Decided;
        InspectedOn = inspectedOn;
        InspectedById = byId;
        InspectedByName = byName;
        DecidedUtc = utc;
        Note = string.IsNullOrWhiteSpace(note) ? Note : note.Trim();
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
