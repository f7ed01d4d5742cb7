namespace EasternSelect.Domain.Casework;

/// <summary>The shared workflow of complaints (客訴) and grievances (廠訴).</summary>
public enum CaseStatus
{
    New,
    Assigned,
    Investigating,
    WaitingForCustomer,
    WaitingForSupplier,
    Resolved,
    Closed,
}

/// <summary>The allowed moves of <see cref="CaseStatus"/>. Reopening is a move from Resolved or Closed back to Investigating.</summary>
public static class CaseWorkflow
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Next = new()
    {
        [CaseStatus.New] = [CaseStatus.Assigned],
        [CaseStatus.Assigned] = [CaseStatus.Investigating],
        [CaseStatus.Investigating] = [CaseStatus.WaitingForCustomer, CaseStatus.WaitingForSupplier, CaseStatus.Resolved],
        [CaseStatus.WaitingForCustomer] = [CaseStatus.Investigating, CaseStatus.Resolved],
        [CaseStatus.WaitingForSupplier] = [CaseStatus.Investigating, CaseStatus.Resolved],
        [CaseStatus.Resolved] = [CaseStatus.Closed, CaseStatus.Investigating],
        [CaseStatus.Closed] = [CaseStatus.Investigating],
    };

    public static IReadOnlyList<CaseStatus> NextStatuses(CaseStatus from) => Next[from];

    public static bool CanMove(CaseStatus from, CaseStatus to) => Next[from].Contains(to);

    public static bool IsReopen(CaseStatus from, CaseStatus to) =>
        from is CaseStatus.Resolved or CaseStatus.Closed && to == CaseStatus.Investigating;

    /// <summary>Statuses in which the closure clock still runs.</summary>
    public static bool IsOpen(CaseStatus status) => status is not (CaseStatus.Resolved or CaseStatus.Closed);
}
