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

    public int SupplierId { get; set; }

    public DateOnly RequestedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public string Description { get; set; } = string.Empty;

    public CorrectiveActionStatus Status { get; set; } = CorrectiveActionStatus.Open;

    public string? SupplierResponse { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public string? AcceptedBy { get; set; }

    public static CorrectiveAction For(IncomingLot lot, DateOnly requestedOn, string description) => new()
    {
        IncomingLot = lot,
        IncomingLotId = lot.Id,
        SupplierId = lot.SupplierId,
        RequestedOn = requestedOn,
        DueOn = requestedOn.AddDays(DefaultDueDays),
        Description = description,
    };

    /// <summary>Open past its due date, or accepted after it.</summary>
    public bool IsLate(DateOnly today) => Status == CorrectiveActionStatus.Open ? today > DueOn : AcceptedOn > DueOn;

    /// <summary>Accepts the supplier's corrective action; error keys when it cannot be accepted.</summary>
    public IReadOnlyList<string> Accept(string? response, DateOnly acceptedOn, DateOnly today, string by)
    {
        var errors = new List<string>();
        if (Status != CorrectiveActionStatus.Open)
        {
            errors.Add("CorrectiveAction.AlreadyAccepted");
        }

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
