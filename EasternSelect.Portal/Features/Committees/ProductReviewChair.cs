using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

/// <summary>The chair of the 商品審議委員會: creates and configures meetings, closes scoring and decides (an approval lists the product).</summary>
public sealed class ProductReviewChair(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> CreateMeetingAsync(ReviewMeetingForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        var errors = CheckMeetingForm(form);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var date = DateOnly.FromDateTime(form.MeetingDate!.Value);
        var meeting = new ProductReviewMeeting(date);
        meeting.Configure(date, new ScoringWeights(form.Presentation, form.SellingPoint, form.Price, form.Quality), form.PassThreshold);
        db.ProductReviewMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Result.Ok(meeting.Id);
    }

    /// <summary>Changes the meeting's date, weights and pass threshold while scoring is open.</summary>
    public async Task<Result> ConfigureAsync(int meetingId, ReviewMeetingForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        var errors = CheckMeetingForm(form);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await db.ProductReviewMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Result.Fail("Committee.NotFound");
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = form.Version;
        return await CommitteeCommands.SaveAsync(db, () => meeting.Configure(
            DateOnly.FromDateTime(form.MeetingDate!.Value), new ScoringWeights(form.Presentation, form.SellingPoint, form.Price, form.Quality), form.PassThreshold), ct);
    }


    public async Task<Result> CloseScoringAsync(int meetingId, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await ProductReviewService.LoadAsync(db, meetingId, ct, tracking: true);
        if (meeting is null)
        {
            return Result.Fail("Committee.NotFound");
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
        return await CommitteeCommands.SaveAsync(db, () => meeting.CloseScoring(PersonName(), Now()), ct);
    }

    /// <summary>
    /// The chair's decision; an approval lists the product when its checks allow (see <see cref="ProductProposal.ListApproved"/>),
    /// otherwise records it as approved and waiting (a new product is created pending and lists when its pre-inspection passes).
    /// </summary>
    public async Task<Result> DecideAsync(int proposalId, DecisionForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        if (form.Decision is not { } decision || !Enum.IsDefined(decision))
        {
            return Result.Fail("Committee.DecisionRequired");
        }

        if (form.Conditions?.Trim().Length > ProductReviewService.MaxSellingPoints)
        {
            return Result.Fail("Committee.ConditionsTooLong");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var meetingId = await db.ProductProposals.Where(p => p.Id == proposalId).Select(p => (int?)p.MeetingId).FirstOrDefaultAsync(ct);
        var meeting = meetingId is null ? null : await ProductReviewService.LoadAsync(db, meetingId.Value, ct, tracking: true);
        var proposal = meeting?.Proposals.FirstOrDefault(p => p.Id == proposalId);
        if (meeting is null || proposal is null)
        {
            return Result.Fail("Committee.NotFound");
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = form.Version;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await CommitteeCommands.SaveAsync(db, () => meeting.Decide(proposal, decision, form.Conditions, PersonName(), Now()), ct);
        if (!result.Succeeded || decision != CommitteeDecision.Approved)
        {
            await transaction.CommitAsync(ct);
            return result;
        }

        if (proposal.ProductId is not null)
        {
            proposal.Product = await db.Products.FirstAsync(p => p.Id == proposal.ProductId, ct);
        }

        var supplier = await db.Suppliers.FirstAsync(s => s.Id == proposal.SupplierId, ct);
        var product = proposal.ListApproved(supplier, string.Create(CultureInfo.InvariantCulture, $"N{proposal.Id:D7}"));
        if (product.Id == 0)
        {
            db.Products.Add(product);
            await db.SaveChangesAsync(ct);
        }

        proposal.MarkListed(product.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Ok(product.Id);
    }

    /// <summary>會議紀錄 as plain data: meeting, attendees, proposals, every department's scores and the decisions.</summary>

    private static List<string> CheckMeetingForm(ReviewMeetingForm form)
    {
        var errors = new List<string>();
        if (form.MeetingDate is null)
        {
            errors.Add("Committee.MeetingDateRequired");
        }

        if (new ScoringWeights(form.Presentation, form.SellingPoint, form.Price, form.Quality).Validate() is { } weights)
        {
            errors.Add(weights);
        }

        if (ProductReviewMeeting.ValidateThreshold(form.PassThreshold) is { } threshold)
        {
            errors.Add(threshold);
        }

        return errors;
    }

    /// <summary>Applies a domain change and saves; a rule broken or a stale version leaves nothing saved.</summary>

    private string PersonName() => currentUser.Principal.FindFirst(PortalClaims.DisplayName)?.Value ?? currentUser.Actor.UserName;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
