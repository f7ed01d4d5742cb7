using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Inspections;

public enum CorrectiveActionStatus
{
    /// <summary>Requested from the supplier, not yet accepted.</summary>
    Open,

    /// <summary>The supplier's corrective action was accepted by the QA manager.</summary>
    Accepted,
}

/// <summary>A corrective-action request (矯正措施要求) to the supplier of a rejected lot, with a due date.</summary>
public sealed class CorrectiveAction : AggregateRoot
{
    public const int TextMaxLength = 2000;

    /// <summary>Days the supplier has to answer, by default.</summary>
    public const int DefaultDueDays = 14;

    public int IncomingLotId { get; set; }

    public IncomingLot? IncomingLot { get; set; }

    public int SupplierId { get; private set; }

    public DateOnly RequestedOn { get; private set; }

    public DateOnly DueOn { get; set; }

    public string Description { get; private set; } = string.Empty;

    public CorrectiveActionStatus Status { get; private set; } = CorrectiveActionStatus.Open;

    public string? SupplierResponse { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    public string? AcceptedBy { get; private set; }

    /// <summary>The request for a rejected original lot; a lot that was not rejected needs none.</summary>
    public static CorrectiveAction For(IncomingLot lot, DateOnly requestedOn, string description, int dueDays = DefaultDueDays)
    {
        ArgumentNullException.ThrowIfNull(lot);
        if (!lot.IsRejected || lot.IsReinspection)
        {
            throw new DomainRuleException("CorrectiveAction.LotNotRejected");
        }

        return new()
        {
            IncomingLot = lot,
            IncomingLotId = lot.Id,
            SupplierId = lot.SupplierId,
            RequestedOn = requestedOn,
            DueOn = requestedOn.AddDays(dueDays),
            Description = description,
        };
    }

    /// <summary>Open past its due date, or accepted after it.</summary>
    public bool IsLate(DateOnly today) => Status == CorrectiveActionStatus.Open ? today > DueOn : AcceptedOn > DueOn;

    /// <summary>
    /// Accepts the supplier's corrective action. Refuses (<see cref="DomainRuleException"/>) one already accepted;
    /// error keys when the answer or date is not acceptable.
    /// </summary>
    public IReadOnlyList<string> Accept(string? response, DateOnly acceptedOn, DateOnly today, string by)
    {
        if (Status != CorrectiveActionStatus.Open)
        {
            throw new DomainRuleException("CorrectiveAction.AlreadyAccepted");
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(response))
        {
            errors.Add("CorrectiveAction.ResponseRequired");
        }
        else if (response.Length > TextMaxLength)
        {
            errors.Add("CorrectiveAction.ResponseTooLong");
        }

        if (acceptedOn > today)
        {
            errors.Add("CorrectiveAction.AcceptedInFuture");
        }
        else if (acceptedOn < RequestedOn)
        {
            errors.Add("CorrectiveAction.AcceptedBeforeRequested");
        }

        if (errors.Count == 0)
        {
            Status = CorrectiveActionStatus.Accepted;
            SupplierResponse = response!.Trim();
            AcceptedOn = acceptedOn;
            AcceptedBy = by;
        }

        return errors;
    }
}
