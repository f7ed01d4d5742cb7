using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Suppliers;

/// <summary>One step of a supplier's status history (prospect → under review → qualified → suspended → terminated).</summary>
public sealed class SupplierStatusChange : Entity
{
    public int SupplierId { get; set; }

    public SupplierStatus From { get; set; }

    public SupplierStatus To { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string ChangedBy { get; set; } = string.Empty;

    public DateTime ChangedUtc { get; set; }
}

public sealed class SupplierTierChange : Entity
{
    public int SupplierId { get; set; }

    public SupplierTier From { get; set; }

    public SupplierTier To { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>The tier evaluation that proposed it, when it came from one.</summary>
    public int? TierProposalId { get; set; }

    public string ApprovedBy { get; set; } = string.Empty;

    public DateTime ChangedUtc { get; set; }
}
