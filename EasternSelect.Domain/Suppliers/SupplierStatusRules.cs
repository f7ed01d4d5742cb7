namespace EasternSelect.Domain.Suppliers;

/// <summary>Which status changes are allowed, and which need a reason. Qualification happens only through a verdict.</summary>
public static class SupplierStatusRules
{
    private static readonly Dictionary<SupplierStatus, SupplierStatus[]> Allowed = new()
    {
        [SupplierStatus.Prospect] = [SupplierStatus.UnderReview, SupplierStatus.Terminated],
        [SupplierStatus.UnderReview] = [SupplierStatus.Prospect, SupplierStatus.Terminated],
        [SupplierStatus.Qualified] = [SupplierStatus.Suspended, SupplierStatus.Terminated, SupplierStatus.UnderReview],
        [SupplierStatus.Suspended] = [SupplierStatus.Qualified, SupplierStatus.Terminated, SupplierStatus.UnderReview],
        // A returning supplier is reviewed again.
        [SupplierStatus.Terminated] = [SupplierStatus.UnderReview],
    };

    public static bool CanChange(SupplierStatus from, SupplierStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<SupplierStatus> NextStatuses(SupplierStatus from) => Allowed[from];

    public static bool NeedsReason(SupplierStatus to) => to is SupplierStatus.Suspended or SupplierStatus.Terminated or SupplierStatus.Qualified;
}
