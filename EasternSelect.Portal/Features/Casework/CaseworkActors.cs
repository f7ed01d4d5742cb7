using EasternSelect.Domain.Casework;
using EasternSelect.Portal.Infrastructure.Security;

namespace EasternSelect.Portal.Features.Casework;

public static class CaseworkActors
{
    /// <summary>The signed-in person as a case actor: their user id and display name.</summary>
    public static CaseActor Actor(this CurrentUser currentUser) =>
        new(currentUser.Actor.UserId, currentUser.Principal.FindFirst(PortalClaims.DisplayName)?.Value ?? currentUser.Actor.UserName);
}

/// <summary>A history line as pages show it.</summary>
public sealed record CaseEventView(DateTime AtUtc, CaseEventKind Kind, CaseStatus? From, CaseStatus? To, string ByName, string? Text);

public sealed record CaseAttachmentView(int FileId, string FileName, long Length, DateTime AddedUtc, string AddedBy);

/// <summary>Where a case's two clocks stand, for chips on lists and detail pages.</summary>
public sealed record SlaView(DateTime ClosureDueUtc, SlaStatus Closure, DateTime? ResponseDueUtc, SlaStatus? Response)
{
    public bool NeedsAttention => Closure is SlaStatus.DueSoon or SlaStatus.Breached || Response is SlaStatus.DueSoon or SlaStatus.Breached;

    public static SlaView Of(CaseworkSettings settings, DateTime now, DateTime closureDue, DateTime? closedUtc, DateTime? responseDue, DateTime? firstResponseUtc) =>
        new(closureDue, SlaClock.Evaluate(closureDue, closedUtc ?? null, now, settings.Sla.ClosureWarning),
            responseDue, responseDue is { } due ? SlaClock.Evaluate(due, firstResponseUtc, now, settings.Sla.ResponseWarning) : null);
}
