using System.Globalization;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>
/// Demo committees: the four departments' members, three 2020 product-review meetings with scores and decisions,
/// the current month's meeting open for scoring, and 2020 quality-anomaly meetings whose action items include one
/// overdue for the QA manager. Deterministic (fixed random seed, products in Id order).
/// </summary>
public sealed class CommitteeSeeder : IDemoSeeder
{
    public static readonly IReadOnlyList<(string Email, CommitteeDepartment Department)> Members =
    [
        ("committee@demo.local", CommitteeDepartment.Product),
        ("committee.programme@demo.local", CommitteeDepartment.Programme),
        ("committee.catalogue@demo.local", CommitteeDepartment.Catalogue),
        ("committee.qa@demo.local", CommitteeDepartment.QualityAssurance),
    ];

    public const string ChairName = "總經理 周美玲";

    private static readonly string[] SellingPoints =
    [
        "獨家規格，電視現場示範效果佳", "通過 SGS 檢驗，成分透明", "價格較通路均價低 15%", "台灣製造，保固兩年",
        "季節性需求高，適合節慶檔期", "型錄回購率高的熱銷款",
    ];

    private static readonly string[] Comments = ["節目呈現效果好", "賣點明確", "價格有競爭力", "需補充檢驗報告", "建議調整售價", "品質穩定"];

    public string Name => "committee members, product-review and quality-anomaly meetings";

    public async Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct) =>
        await db.CommitteeMembers.AnyAsync(ct);

    public async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var users = await db.Users.Where(u => u.Email != null).Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        var members = Members.Select(m => users.FirstOrDefault(u => u.Email == m.Email) is { } u
            ? new CommitteeMember { UserId = u.Id, DisplayName = u.DisplayName, Department = m.Department, EffectiveFrom = new DateOnly(2020, 1, 1) } : null).OfType<CommitteeMember>().ToList();
        var merchandiser = users.FirstOrDefault(u => u.Email == "merchandiser@demo.local");
        var qaManager = users.FirstOrDefault(u => u.Email == "qa.manager@demo.local");
        var products = await db.Products.Include(p => p.Supplier).Where(p => p.ListingStatus == ListingStatus.Listed).OrderBy(p => p.Id).Take(40).ToListAsync(ct);
        if (members.Count < Members.Count || merchandiser is null || qaManager is null || products.Count < 20)
        {
            return;
        }

        db.CommitteeMembers.AddRange(members);
        var random = new Random(2020);
        var next = 0;
        foreach (var month in new[] { 10, 11, 12 })
        {
            var date = new DateOnly(2020, month, 15);
            var utc = date.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc);
            var meeting = new ProductReviewMeeting(date) { CreatedUtc = utc.AddDays(-14), UpdatedUtc = utc };
            for (var i = 0; i < 3; i++)
            {
                var product = products[next++];
                var proposal = Proposal(product, merchandiser.Id, merchandiser.DisplayName, random, utc.AddDays(-10));
                meeting.AddProposal(proposal);
                foreach (var member in members)
                {
                    // The third proposal of each meeting scores low: the record shows rejections and revisions too.
                    var basis = i == 2 ? 55 : 78;
                    meeting.Score(proposal, member, basis + random.Next(0, 15), basis + random.Next(0, 15), basis + random.Next(0, 15), basis + random.Next(0, 15),
                        Comments[random.Next(Comments.Length)], utc.AddDays(-2));
                }
            }

            meeting.CloseScoring(ChairName, utc);
            foreach (var (proposal, index) in meeting.Proposals.Select((p, index) => (p, index)))
            {
                var decision = index switch
                {
                    2 when month == 11 => CommitteeDecision.ReviseAndResubmit,
                    2 => CommitteeDecision.Rejected,
                    _ => CommitteeDecision.Approved,
                };
                meeting.Decide(proposal, decision, decision == CommitteeDecision.Approved ? null : "品質與價格評分未達門檻，請補充檢驗報告並重新報價", ChairName, utc.AddHours(1));
                if (decision == CommitteeDecision.Approved)
                {
                    proposal.MarkListed(proposal.ProductId!.Value);
                }
            }

            db.ProductReviewMeetings.Add(meeting);
        }

        // This month's meeting, open for scoring: two proposals, the product and programme departments have scored the first.
        var today = TaiwanTime.DateOf(nowUtc);
        var current = new ProductReviewMeeting(new DateOnly(today.Year, today.Month, 1).AddDays(24)) { CreatedUtc = nowUtc, UpdatedUtc = nowUtc };
        var first = Proposal(products[next++], merchandiser.Id, merchandiser.DisplayName, random, nowUtc);
        var supplier = products[next].Supplier!;
        var second = new ProductProposal
        {
            ProductName = "嚴選 真空保溫燜燒罐 750ml", SupplierId = supplier.Id, Channel = SalesChannel.Tv, ProposedPrice = 1_280m,
            SellingPoints = "新品首賣；304 不鏽鋼，保溫 12 小時，節目可現場示範燜煮", SamplePreInspectionResult = "樣品預先檢驗：外觀、標示合格，待第三方實驗室溶出測試報告",
            SubmittedById = merchandiser.Id, SubmittedByName = merchandiser.DisplayName, SubmittedUtc = nowUtc,
        };
        current.AddProposal(first);
        current.AddProposal(second);
        foreach (var member in members.Take(2))
        {
            current.Score(first, member, 82, 85, 76, 88, "賣點清楚，價格可再談", nowUtc);
        }

        db.ProductReviewMeetings.Add(current);
        await db.SaveChangesAsync(ct);

        var head = users.FirstOrDefault(u => u.Email == "supplier.head@demo.local") ?? qaManager;
        await SeedAnomalyMeetingsAsync(db, (qaManager.Id, qaManager.DisplayName), (head.Id, head.DisplayName), ct);
    }

    private static ProductProposal Proposal(Product product, string merchandiserId, string merchandiserName, Random random, DateTime utc) => new()
    {
        ProductId = product.Id, ProductName = product.Name, SupplierId = product.SupplierId, Channel = product.Channel,
        ProposedPrice = decimal.Round(product.Price * 0.95m, 0), SellingPoints = SellingPoints[random.Next(SellingPoints.Length)],
        SamplePreInspectionResult = "樣品預先檢驗合格（70 項品管檢核）", SubmittedById = merchandiserId, SubmittedByName = merchandiserName, SubmittedUtc = utc,
    };

    private static async Task SeedAnomalyMeetingsAsync(PortalDbContext db, (string Id, string Name) qaManager, (string Id, string Name) supplierHead, CancellationToken ct)
    {
        foreach (var (month, kind) in new[] { (11, AnomalyMeetingKind.Internal), (12, AnomalyMeetingKind.Internal), (12, AnomalyMeetingKind.External) })
        {
            var start = new DateTime(2020, month, 1, 0, 0, 0, DateTimeKind.Utc);
            var delisted = await db.Products.AsNoTracking().Where(p => p.DelistedUtc >= start && p.DelistedUtc < start.AddMonths(1))
                .OrderBy(p => p.DelistedUtc).ThenBy(p => p.Id).Take(6)
                .Select(p => new { p.Id, p.Name, p.SupplierId, SupplierName = p.Supplier!.Name, p.DelistedUtc, p.DelistingReason }).ToListAsync(ct);
            var anomalies = delisted.Select(p => new Anomaly(AnomalyKind.Delisting, p.Id, p.SupplierId, p.SupplierName, p.Id, p.Name,
                DateOnly.FromDateTime(p.DelistedUtc!.Value), "下架：" + p.DelistingReason, string.Create(CultureInfo.InvariantCulture, $"/suppliers/{p.SupplierId}"))).ToList();
            int[] invited = kind == AnomalyMeetingKind.External && delisted.Count > 0 ? [delisted[0].SupplierId] : [];
            if (kind == AnomalyMeetingKind.External && invited.Length == 0)
            {
                continue;
            }

            var date = new DateOnly(2020, month, 1).AddMonths(1).AddDays(6);
            var meeting = AnomalyMeeting.Open(new DateOnly(2020, month, 1), date, kind, invited, qaManager.Name, "品保部、廠商服務部、商品部", anomalies);
            meeting.CreatedUtc = date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            meeting.UpdatedUtc = meeting.CreatedUtc;
            foreach (var anomaly in meeting.Anomalies)
            {
                meeting.Discuss(anomaly, "確認下架原因為標示不符，要求廠商於兩週內提出改善報告");
            }

            // Saved first: an action item answers an anomaly by its id.
            db.AnomalyMeetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            var firstAnomaly = meeting.Anomalies.FirstOrDefault();
            var closedItem = meeting.AddActionItem("要求廠商提出標示改善報告並複檢", supplierHead.Id, supplierHead.Name, date.AddDays(14), firstAnomaly, null);
            closedItem.ChangeStatus(ActionItemStatus.Closed, "改善報告已收，複檢合格", meeting.CreatedUtc.AddDays(12));
            if (month == 12 && kind == AnomalyMeetingKind.Internal)
            {
                // The QA manager's overdue item: on the QA manager's home page and on every later meeting's agenda until closed.
                var overdue = meeting.AddActionItem("更新食品類檢驗規範之標示檢核項目，並通知相關廠商", qaManager.Id, qaManager.Name, date.AddDays(30), null, null);
                overdue.ChangeStatus(ActionItemStatus.Do, "規範草案撰寫中", meeting.CreatedUtc);
            }

            foreach (var item in meeting.ActionItems)
            {
                item.CreatedUtc = meeting.CreatedUtc;
                item.UpdatedUtc = meeting.CreatedUtc;
            }

            // Past meetings are closed: their discussion and minutes are the record.
            meeting.Close(meeting.CreatedUtc.AddHours(2));
            await db.SaveChangesAsync(ct);
        }
    }
}
