using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

/// <summary>商品審議委員會: meetings, proposals, the four departments' scores, the chair's decisions and the minutes.</summary>
public sealed class ProductReviewService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser)
{
    public const int MaxSellingPoints = 2000;

    public const int MaxText = 1000;

    public const int MaxName = 200;

    public async Task<IReadOnlyList<ReviewMeetingRow>> ListAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ProductProposals);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ProductReviewMeetings.AsNoTracking().OrderByDescending(m => m.MeetingDate)
            .Select(m => new ReviewMeetingRow(m.Id, m.MeetingDate, m.Status, m.Proposals.Count, m.Proposals.Count(p => p.Decision != null)))
            .ToListAsync(ct);
    }

    public async Task<ReviewMeetingDetail?> GetAsync(int meetingId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ProductProposals);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await LoadAsync(db, meetingId, ct, tracking: false);
        if (meeting is null)
        {
            return null;
        }

        var userId = currentUser.Actor.UserId;
        var department = userId is null ? null : (await CommitteeMemberService.EffectiveAsync(db, userId, meeting.MeetingDate, ct))?.Department;
        var names = await NamesAsync(db, meeting, ct);
        return new ReviewMeetingDetail(meeting.Id, meeting.Version, meeting.MeetingDate, meeting.Status, meeting.Weights, meeting.PassThreshold, meeting.ChairName,
            meeting.ScoringClosedUtc, department, meeting.Proposals.OrderBy(p => p.Id).Select(p => View(meeting, p, userId, names)).ToList());
    }

    /// <summary>A merchandiser puts a product on an open meeting's agenda.</summary>
    public async Task<ProductReviewMinutes?> BuildMinutesAsync(int meetingId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ProductProposals);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await LoadAsync(db, meetingId, ct, tracking: false);
        if (meeting is null)
        {
            return null;
        }

        var final = meeting.Status != ReviewMeetingStatus.Open;
        var names = await NamesAsync(db, meeting, ct);
        var attendees = new List<MinutesAttendee>();
        if (meeting.ChairName is not null)
        {
            attendees.Add(new MinutesAttendee(meeting.ChairName, null, true));
        }

        attendees.AddRange(meeting.Proposals.SelectMany(p => p.Scores).GroupBy(s => s.MemberUserId)
            .Select(g => new MinutesAttendee(g.First().MemberName, g.First().Department, false))
            .OrderBy(a => a.Department).ThenBy(a => a.Name, StringComparer.Ordinal));
        var proposals = meeting.Proposals.OrderBy(p => p.Id).Select((p, index) =>
        {
            var result = meeting.ResultOf(p);
            return new MinutesProposal(index + 1, p.Id, p.ProductName, p.ProductId is null, names.GetValueOrDefault(p.SupplierId, string.Empty), p.Channel, p.ProposedPrice,
                p.SellingPoints, p.SamplePreInspectionResult, p.SubmittedByName,
                final ? Scores(meeting, p) : [], final ? result.Departments : [], final ? result.Overall : null, final && result.Passed,
                p.Decision, p.DecisionConditions, p.DecidedByName);
        }).ToList();
        return new ProductReviewMinutes(meeting.Id, meeting.MeetingDate, meeting.Status, meeting.ChairName, meeting.Weights, meeting.PassThreshold, final, attendees, proposals);
    }

    private static ProposalView View(ProductReviewMeeting meeting, ProductProposal p, string? userId, Dictionary<int, string> names)
    {
        var visible = meeting.CanSeeScores(p, userId);
        var scores = Scores(meeting, p);
        return new ProposalView(p.Id, p.ProductId, p.ProductName, p.ProductId is null, p.SupplierId, names.GetValueOrDefault(p.SupplierId, string.Empty), p.Channel,
            p.ProposedPrice, p.SellingPoints, p.SamplePreInspectionId, p.SamplePreInspectionResult, p.SubmittedByName, p.SubmittedUtc,
            p.Decision, p.DecisionConditions, p.DecidedByName, p.DecidedUtc, p.ListedProductId,
            scores.FirstOrDefault(s => s.MemberUserId == userId), visible, visible ? scores : [], visible ? meeting.ResultOf(p) : null,
            p.Scores.Select(s => s.Department).Distinct().Order().ToList(), p.ListingOutcome);
    }

    private static List<ProposalScoreView> Scores(ProductReviewMeeting meeting, ProductProposal p) =>
        p.Scores.OrderBy(s => s.Department).ThenBy(s => s.MemberName, StringComparer.Ordinal)
            .Select(s => new ProposalScoreView(s.MemberUserId, s.MemberName, s.Department, s.Presentation, s.SellingPoint, s.Price, s.Quality,
                meeting.Weights.Weigh(s.Presentation, s.SellingPoint, s.Price, s.Quality), s.Comment, s.SubmittedUtc)).ToList();

    private static async Task<Dictionary<int, string>> NamesAsync(PortalDbContext db, ProductReviewMeeting meeting, CancellationToken ct)
    {
        var ids = meeting.Proposals.Select(p => p.SupplierId).Distinct().ToList();
        return await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
    }

    internal static Task<ProductReviewMeeting?> LoadAsync(PortalDbContext db, int id, CancellationToken ct, bool tracking)
    {
        var meetings = db.ProductReviewMeetings.Include(m => m.Proposals).ThenInclude(p => p.Scores).AsSplitQuery();
        return (tracking ? meetings : meetings.AsNoTracking()).FirstOrDefaultAsync(m => m.Id == id, ct);
    }

}
