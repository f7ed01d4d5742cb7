using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

/// <summary>商品審議委員會: meetings, proposals, the four departments' scores, the chair's decisions and the minutes.</summary>
public sealed class ProductReviewService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock)
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

    public async Task<CommitteeResult> CreateMeetingAsync(ReviewMeetingForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        var errors = CheckMeetingForm(form);
        if (errors.Count > 0)
        {
            return new CommitteeResult(false, errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = new ProductReviewMeeting { MeetingDate = DateOnly.FromDateTime(form.MeetingDate!.Value) };
        meeting.Configure(new ScoringWeights(form.Presentation, form.SellingPoint, form.Price, form.Quality), form.PassThreshold);
        db.ProductReviewMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return CommitteeResult.Success(meeting.Id);
    }

    /// <summary>Changes the meeting's date, weights and pass threshold while scoring is open.</summary>
    public async Task<CommitteeResult> ConfigureAsync(int meetingId, ReviewMeetingForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        var errors = CheckMeetingForm(form);
        if (errors.Count > 0)
        {
            return new CommitteeResult(false, errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await db.ProductReviewMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return CommitteeResult.Fail("Committee.NotFound");
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = form.Version;
        return await ApplyAsync(db, () =>
        {
            meeting.MeetingDate = DateOnly.FromDateTime(form.MeetingDate!.Value);
            meeting.Configure(new ScoringWeights(form.Presentation, form.SellingPoint, form.Price, form.Quality), form.PassThreshold);
        }, ct);
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
        var department = await db.CommitteeMembers.AsNoTracking().Where(m => m.UserId == userId && m.Active).Select(m => (CommitteeDepartment?)m.Department).FirstOrDefaultAsync(ct);
        var names = await NamesAsync(db, meeting, ct);
        return new ReviewMeetingDetail(meeting.Id, meeting.Version, meeting.MeetingDate, meeting.Status, meeting.Weights, meeting.PassThreshold, meeting.ChairName,
            meeting.ScoringClosedUtc, department, meeting.Proposals.OrderBy(p => p.Id).Select(p => View(meeting, p, userId, names)).ToList());
    }

    public async Task<IReadOnlyList<ProductOption>> SearchProductsAsync(string? term, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ProposalSubmit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var t = term.Trim();
            products = products.Where(p => p.Sku.StartsWith(t) || p.Name.Contains(t));
        }

        return await products.OrderBy(p => p.ListingStatus == ListingStatus.Listed ? 1 : 0).ThenBy(p => p.Name).Take(20)
            .Select(p => new ProductOption(p.Id, p.Sku, p.Name, p.SupplierId, p.Supplier!.Name, p.ListingStatus, p.Channel, p.Price)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SupplierPick>> SearchSuppliersAsync(string? term, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ProposalSubmit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var suppliers = db.Suppliers.AsNoTracking().Where(s => s.Status != SupplierStatus.Terminated);
        if (!string.IsNullOrWhiteSpace(term))
        {
            var t = term.Trim();
            suppliers = t.All(char.IsAsciiDigit) ? suppliers.Where(s => s.TaxId.StartsWith(t)) : suppliers.Where(s => s.Name.Contains(t));
        }

        return await suppliers.OrderBy(s => s.Name).Take(20).Select(s => new SupplierPick(s.Id, s.Name)).ToListAsync(ct);
    }

    /// <summary>A merchandiser puts a product on an open meeting's agenda.</summary>
    public async Task<CommitteeResult> SubmitProposalAsync(int meetingId, ProposalForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ProposalSubmit);
        var errors = new List<string>();
        if (form.ExistingProduct && form.ProductId is null)
        {
            errors.Add("Committee.ProductRequired");
        }

        if (!form.ExistingProduct)
        {
            if (string.IsNullOrWhiteSpace(form.NewProductName))
            {
                errors.Add("Committee.NewProductNameRequired");
            }
            else if (form.NewProductName.Trim().Length > MaxName)
            {
                errors.Add("Committee.NewProductNameTooLong");
            }

            if (form.SupplierId is null)
            {
                errors.Add("Committee.SupplierRequired");
            }
        }

        if (form.ProposedPrice is not { } price || price <= 0 || price > 10_000_000m || decimal.Round(price, 2) != price)
        {
            errors.Add("Committee.PriceInvalid");
        }

        if (string.IsNullOrWhiteSpace(form.SellingPoints))
        {
            errors.Add("Committee.SellingPointsRequired");
        }
        else if (form.SellingPoints.Trim().Length > MaxSellingPoints)
        {
            errors.Add("Committee.SellingPointsTooLong");
        }

        if (form.SamplePreInspectionResult?.Trim().Length > MaxText)
        {
            errors.Add("Committee.PreInspectionTooLong");
        }

        if (form.SamplePreInspectionId is <= 0)
        {
            errors.Add("Committee.PreInspectionIdInvalid");
        }

        if (!Enum.IsDefined(form.Channel))
        {
            errors.Add("Committee.ChannelInvalid");
        }

        if (errors.Count > 0)
        {
            return new CommitteeResult(false, errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await db.ProductReviewMeetings.Include(m => m.Proposals).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return CommitteeResult.Fail("Committee.NotFound");
        }

        var proposal = new ProductProposal
        {
            Channel = form.Channel, ProposedPrice = form.ProposedPrice!.Value, SellingPoints = form.SellingPoints!.Trim(),
            SamplePreInspectionId = form.SamplePreInspectionId, SamplePreInspectionResult = Trim(form.SamplePreInspectionResult),
            SubmittedById = currentUser.Actor.UserId ?? string.Empty, SubmittedByName = PersonName(), SubmittedUtc = Now(),
        };
        if (form.ExistingProduct)
        {
            var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == form.ProductId, ct);
            if (product is null)
            {
                return CommitteeResult.Fail("Committee.ProductRequired");
            }

            if (meeting.Proposals.Any(p => p.ProductId == product.Id))
            {
                return CommitteeResult.Fail("Committee.AlreadyOnAgenda");
            }

            (proposal.ProductId, proposal.ProductName, proposal.SupplierId) = (product.Id, product.Name, product.SupplierId);
        }
        else
        {
            var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.SupplierId, ct);
            if (supplier is null || supplier.Status == SupplierStatus.Terminated)
            {
                return CommitteeResult.Fail("Committee.SupplierRequired");
            }

            (proposal.ProductName, proposal.SupplierId) = (form.NewProductName!.Trim(), supplier.Id);
        }

        return await ApplyAsync(db, () => meeting.AddProposal(proposal), ct, () => proposal.Id);
    }

    /// <summary>A committee member scores a proposal for its department (again, to change it, until scoring closes).</summary>
    public async Task<CommitteeResult> ScoreAsync(int proposalId, ScoreForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeScoring);
        int?[] values = [form.Presentation, form.SellingPoint, form.Price, form.Quality];
        if (values.Any(v => v is null))
        {
            return CommitteeResult.Fail("Committee.ScoresRequired");
        }

        if (values.Any(v => v is < 0 or > ScoringWeights.MaxScore))
        {
            return CommitteeResult.Fail("Committee.ScoreOutOfRange");
        }

        if (form.Comment?.Trim().Length > MaxText)
        {
            return CommitteeResult.Fail("Committee.CommentTooLong");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var userId = currentUser.Actor.UserId;
        var member = await db.CommitteeMembers.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId && m.Active, ct);
        if (member is null)
        {
            return CommitteeResult.Fail("Committee.NotAMember");
        }

        var meetingId = await db.ProductProposals.Where(p => p.Id == proposalId).Select(p => (int?)p.MeetingId).FirstOrDefaultAsync(ct);
        var meeting = meetingId is null ? null : await LoadAsync(db, meetingId.Value, ct, tracking: true);
        var proposal = meeting?.Proposals.FirstOrDefault(p => p.Id == proposalId);
        if (meeting is null || proposal is null)
        {
            return CommitteeResult.Fail("Committee.NotFound");
        }

        return await ApplyAsync(db, () => meeting.Score(proposal, member, form.Presentation!.Value, form.SellingPoint!.Value, form.Price!.Value, form.Quality!.Value, form.Comment, Now()), ct);
    }

    /// <summary>The chair closes scoring: scores lock, and everyone may see them.</summary>
    public async Task<CommitteeResult> CloseScoringAsync(int meetingId, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await LoadAsync(db, meetingId, ct, tracking: true);
        if (meeting is null)
        {
            return CommitteeResult.Fail("Committee.NotFound");
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
        return await ApplyAsync(db, () => meeting.CloseScoring(PersonName(), Now()), ct);
    }

    /// <summary>The chair's decision; an approval lists the product (creates a new listed one, or lists the existing one).</summary>
    public async Task<CommitteeResult> DecideAsync(int proposalId, DecisionForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        if (form.Decision is not { } decision || !Enum.IsDefined(decision))
        {
            return CommitteeResult.Fail("Committee.DecisionRequired");
        }

        if (form.Conditions?.Trim().Length > MaxSellingPoints)
        {
            return CommitteeResult.Fail("Committee.ConditionsTooLong");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var meetingId = await db.ProductProposals.Where(p => p.Id == proposalId).Select(p => (int?)p.MeetingId).FirstOrDefaultAsync(ct);
        var meeting = meetingId is null ? null : await LoadAsync(db, meetingId.Value, ct, tracking: true);
        var proposal = meeting?.Proposals.FirstOrDefault(p => p.Id == proposalId);
        if (meeting is null || proposal is null)
        {
            return CommitteeResult.Fail("Committee.NotFound");
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = form.Version;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await ApplyAsync(db, () => meeting.Decide(proposal, decision, form.Conditions, PersonName(), Now()), ct);
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

        proposal.ListedProductId = product.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommitteeResult.Success(product.Id);
    }

    /// <summary>會議紀錄 as plain data: meeting, attendees, proposals, every department's scores and the decisions.</summary>
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
            p.Scores.Select(s => s.Department).Distinct().Order().ToList());
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

    private static Task<ProductReviewMeeting?> LoadAsync(PortalDbContext db, int id, CancellationToken ct, bool tracking)
    {
        var meetings = db.ProductReviewMeetings.Include(m => m.Proposals).ThenInclude(p => p.Scores).AsSplitQuery();
        return (tracking ? meetings : meetings.AsNoTracking()).FirstOrDefaultAsync(m => m.Id == id, ct);
    }

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
    private static async Task<CommitteeResult> ApplyAsync(PortalDbContext db, Action change, CancellationToken ct, Func<int>? id = null)
    {
        try
        {
            change();
            await db.SaveChangesAsync(ct);
            return CommitteeResult.Success(id?.Invoke());
        }
        catch (CommitteeRuleException e)
        {
            return CommitteeResult.Fail(e.Key);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommitteeResult(false, ["Common.ConcurrencyConflict"], Conflict: true);
        }
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private string PersonName() => currentUser.Principal.FindFirst(PortalClaims.DisplayName)?.Value ?? currentUser.Actor.UserName;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
