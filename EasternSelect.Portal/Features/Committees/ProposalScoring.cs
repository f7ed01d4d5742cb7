using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

/// <summary>A committee member scores a proposal for its department (again, to change it, until scoring closes).</summary>
public sealed class ProposalScoring(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> ScoreAsync(int proposalId, ScoreForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeScoring);
        int?[] values = [form.Presentation, form.SellingPoint, form.Price, form.Quality];
        if (values.Any(v => v is null))
        {
            return Result.Fail("Committee.ScoresRequired");
        }

        if (values.Any(v => v is < 0 or > ScoringWeights.MaxScore))
        {
            return Result.Fail("Committee.ScoreOutOfRange");
        }

        if (form.Comment?.Trim().Length > ProductReviewService.MaxText)
        {
            return Result.Fail("Committee.CommentTooLong");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var userId = currentUser.Actor.UserId;
        var meetingId = await db.ProductProposals.Where(p => p.Id == proposalId).Select(p => (int?)p.MeetingId).FirstOrDefaultAsync(ct);
        var meeting = meetingId is null ? null : await ProductReviewService.LoadAsync(db, meetingId.Value, ct, tracking: true);
        var proposal = meeting?.Proposals.FirstOrDefault(p => p.Id == proposalId);
        if (meeting is null || proposal is null)
        {
            return Result.Fail("Committee.NotFound");
        }

        // The membership in force on the meeting's date decides whether and for which department the person scores.
        var member = userId is null ? null : await CommitteeMemberService.EffectiveAsync(db, userId, meeting.MeetingDate, ct);
        if (member is null)
        {
            return Result.Fail("Committee.NotAMember");
        }

        return await CommitteeCommands.SaveAsync(db, () => meeting.Score(proposal, member, form.Presentation!.Value, form.SellingPoint!.Value, form.Price!.Value, form.Quality!.Value, form.Comment, Now()), ct);
    }

    /// <summary>The chair closes scoring: scores lock, and everyone may see them.</summary>

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
