using System.Globalization;
using System.Text;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>
/// Demo quality inspections: a year (2020) of sample pre-inspections with referrals to the recognised labs
/// (reference data, <see cref="ReferenceDataSeeder"/>), product flags, monthly spot-check lists with results, and the seed report's
/// 25 factory audits of 2020 (2 product anomalies, 18 OEM, 5 new-year dishes), plus recent work awaiting people.
/// Deterministic (fixed random seed). Does not change SupplierMonthlyRecord: the 2020 records the tiering seed drew
/// already stand for every source of audit findings that year.
/// </summary>
public sealed class QualitySeeder : IDemoSeeder
{
    public const int Year = 2020;

    public const string InspectorEmail = "qa.inspector@demo.local";
    public const string ManagerEmail = "qa.manager@demo.local";

    /// <summary>The seed's 2020 factory audits by reason.</summary>
    public static readonly IReadOnlyDictionary<AuditReason, int> Audits2020 = new Dictionary<AuditReason, int>
    {
        [AuditReason.ProductAnomaly] = 2,
        [AuditReason.Oem] = 18,
        [AuditReason.Seasonal] = 5,
    };

    private static readonly string[] SampleFailNotes = ["外箱標示批號與內包裝不一致", "中文標示字體過小", "配件數量與清單不符", "說明書缺少注意事項"];

    private static readonly Dictionary<FactoryItem, string[]> FindingTexts = new()
    {
        [FactoryItem.Certification] = ["工廠登記證地址與實際生產地址不符", "HACCP 證書三個月內到期，未見展延申請", "代工廠未提供最新 ISO 22000 稽核報告"],
        [FactoryItem.Environment] = ["原料倉棧板直接貼地放置，未離地離牆", "包裝區防蟲簾破損", "冷藏庫溫度紀錄缺漏兩日"],
        [FactoryItem.Equipment] = ["金屬檢測機未保留每日校正紀錄", "封口機溫度計逾期未校正", "蒸煮設備保養紀錄不完整"],
        [FactoryItem.ProcessStandardisation] = ["現場作業標準書版本與文件版本不一致", "殺菌時間紀錄未經主管覆核", "年菜分裝未依 SOP 控制室溫暴露時間"],
        [FactoryItem.QcSystem] = ["出貨檢驗抽樣數未依 MIL-STD-105E 執行", "不合格品未標示並隔離", "客訴矯正措施未追蹤至結案"],
    };

    private static readonly string[] Sites = ["桃園觀音工業區", "台中工業區", "彰化全興工業區", "台南科技工業區", "屏東農業生物科技園區", "新北五股工業區", "宜蘭利澤工業區", "雲林斗六工業區", "高雄大發工業區", "新竹湖口工業區"];

    public string Name => "sample pre-inspections, spot checks and factory audits";

    public async Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct) => await db.FactoryAudits.AnyAsync(ct);

    public async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.Status == SupplierStatus.Qualified).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Category }).ToListAsync(ct);
        var products = await db.Products.AsNoTracking().Where(p => p.ListingStatus == ListingStatus.Listed).OrderBy(p => p.Id).ToListAsync(ct);
        if (suppliers.Count < 30 || products.Count < 100)
        {
            return;
        }

        var inspector = await DemoSeeders.PersonAsync(db, InspectorEmail, "品保檢驗員 陳怡君", ct);
        var manager = await DemoSeeders.PersonAsync(db, ManagerEmail, "品保主管 黃建國", ct);
        var random = new Random(2020);
        db.AuditSuppressed = true;

        var samples = await SeedSamplesAsync(db, random, products, inspector, manager, nowUtc, ct);
        var flags = await SeedFlagsAsync(db, products, inspector.Name, nowUtc, ct);
        var months = await SeedSpotChecksAsync(db, random, inspector.Name, manager, ct);
        var audits = await SeedAuditsAsync(db, random, suppliers.Select(s => (s.Id, s.Name, s.Category)).ToList(), products, inspector.Name, nowUtc, ct);

        await SeedAudit.WriteAsync(db, clock, nameof(SamplePreInspection), string.Create(CultureInfo.InvariantCulture,
            $"Seeded {samples} sample pre-inspections, {flags} product flags, {months} spot-check months and {audits} factory audits."), ct);
    }

    private static async Task<int> SeedSamplesAsync(PortalDbContext db, Random random, List<Product> products,
        (string Id, string Name) inspector, (string Id, string Name) manager, DateTime nowUtc, CancellationToken ct)
    {
        var templates = await db.ChecklistTemplates.Include(t => t.Items).AsSplitQuery().ToListAsync(ct);
        var latest = templates.GroupBy(t => t.Category).ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Number).First());
        var labs = await db.RecognisedLabs.OrderBy(l => l.Id).ToListAsync(ct);
        var list = new List<SamplePreInspection>();
        var pick = products.OrderBy(_ => random.Next()).ToList();
        var next = 0;
        // Four samples a month in 2020, confirmed; then four recent ones (three awaiting confirmation, one draft).
        for (var month = 1; month <= 12; month++)
        {
            for (var n = 0; n < 4; n++)
            {
                var received = new DateOnly(Year, month, 2 + (n * 6) + random.Next(0, 4));
                var submitted = received.AddDays(3).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
                var (sample, verdict) = Filled(pick[next++], latest, received, inspector, random, labs, confirmed: true);
                Submit(sample, verdict, submitted);
                sample.Confirm(manager.Id, manager.Name, submitted.AddDays(1));
                list.Add(sample);
            }
        }

        for (var n = 0; n < 4; n++)
        {
            var received = TaiwanTime.DateOf(nowUtc).AddDays(-6 + n);
            var (sample, verdict) = Filled(pick[next++], latest, received, inspector, random, labs, confirmed: n < 3);
            if (n < 3)
            {
                Submit(sample, verdict, nowUtc.AddHours(-30 + (n * 8)));
            }

            list.Add(sample);
        }

        db.SamplePreInspections.AddRange(list);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return list.Count;
    }

    private static void Submit(SamplePreInspection sample, SampleVerdict verdict, DateTime submittedUtc) =>
        sample.Submit(verdict, verdict == SampleVerdict.Conditional ? "標示修正後，首批入庫加嚴抽驗" : null,
            verdict == SampleVerdict.Fail ? "嚴重缺點不符，請廠商改善後重新送樣" : null, submittedUtc);

    /// <summary>A sample with every item filled and the verdict that obeys the verdict rule (or a draft half filled).</summary>
    private static (SamplePreInspection Sample, SampleVerdict Verdict) Filled(Product product, Dictionary<SupplierCategory, ChecklistTemplate> latest, DateOnly received,
        (string Id, string Name) inspector, Random random, List<RecognisedLab> labs, bool confirmed)
    {
        var sample = SamplePreInspection.Start(product, latest[product.Category], received, inspector.Id, inspector.Name);
        sample.Product = null;
        sample.ChecklistTemplate = null;
        var roll = random.NextDouble();
        SampleVerdict verdict = roll < 0.08 ? SampleVerdict.Fail : roll < 0.2 ? SampleVerdict.Conditional : SampleVerdict.Pass;
        foreach (var item in sample.Items)
        {
            sample.SetResult(item.Code, !confirmed && item.Order > 30 ? null : random.NextDouble() < 0.06 ? CheckResult.NotApplicable : CheckResult.Pass, null);
        }

        if (verdict != SampleVerdict.Pass)
        {
            // A conditional pass fails a minor/major item; a failure fails a critical one.
            var failed = sample.Items.Where(i => verdict == SampleVerdict.Fail ? i.DefectClass == DefectClass.Critical : i.DefectClass != DefectClass.Critical)
                .OrderBy(_ => random.Next()).First();
            sample.SetResult(failed.Code, CheckResult.Fail, SampleFailNotes[random.Next(SampleFailNotes.Length)]);
        }

        if (product.Category is SupplierCategory.Food or SupplierCategory.BeautyHealth && random.NextDouble() < 0.35)
        {
            var lab = labs[product.Category == SupplierCategory.Food ? random.Next(0, 2) : 4];
            var referral = sample.ReferToLab(lab.Id, product.Category == SupplierCategory.Food ? "重金屬、微生物、防腐劑" : "重金屬、微生物、禁用成分", received.AddDays(1));
            if (confirmed)
            {
                sample.RecordLabResult(referral, string.Create(CultureInfo.InvariantCulture, $"R{received:yyMMdd}-{random.Next(1000, 9999)}"), LabResult.Pass,
                    received.AddDays(2), LabReportPdf(lab.Name, received));
            }
        }

        return (sample, verdict);
    }

    /// <summary>A small real PDF standing in for the lab's report.</summary>
    private static StoredFile LabReportPdf(string labName, DateOnly date)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Test report {date:yyyy-MM-dd}");
        var pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
            $"4 0 obj<</Length {text.Length + 31}>>stream\nBT /F1 18 Tf 72 760 Td ({text}) Tj ET\nendstream endobj\n" +
            "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        var bytes = Encoding.ASCII.GetBytes(pdf);
        return new StoredFile
        {
            FileName = string.Create(CultureInfo.InvariantCulture, $"lab-report-{date:yyyyMMdd}.pdf"),
            ContentType = "application/pdf",
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            Content = bytes,
            UploadedBy = labName,
            UploadedUtc = date.AddDays(2).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        };
    }

    private static async Task<int> SeedFlagsAsync(PortalDbContext db, List<Product> products, string recordedBy, DateTime nowUtc, CancellationToken ct)
    {
        var today = TaiwanTime.DateOf(nowUtc);
        var food = products.Where(p => p.Category == SupplierCategory.Food).ToList();
        var flags = new List<ProductFlag>
        {
            new() { ProductId = food[3].Id, Kind = ProductFlagKind.News, Source = "聯合報 2020-03-12 食安新聞", Date = new DateOnly(Year, 3, 12), Note = "同類商品檢出防腐劑超標的報導" },
            new() { ProductId = products[40].Id, Kind = ProductFlagKind.MajorComplaint, Source = "客訴案件 C2020-0611", Date = new DateOnly(Year, 6, 11), Note = "消費者反映使用後皮膚紅腫" },
            new() { ProductId = products[77].Id, Kind = ProductFlagKind.MajorComplaint, Source = "客訴案件 C2020-0915", Date = new DateOnly(Year, 9, 15), Note = "充電時外殼過熱變形" },
            new() { ProductId = food[11].Id, Kind = ProductFlagKind.News, Source = "TVBS 新聞 2020-11-20", Date = new DateOnly(Year, 11, 20), Note = "年節禮盒標示不實報導" },
            new() { ProductId = products[120].Id, Kind = ProductFlagKind.MajorComplaint, Source = "重案客訴小組 轉介", Date = today.AddDays(-12), Note = "兒童使用時零件脫落" },
            new() { ProductId = food[20].Id, Kind = ProductFlagKind.News, Source = "食藥署 邊境查驗不合格公告", Date = today.AddDays(-5), Note = "同產地原料檢出農藥殘留" },
            new() { ProductId = products[200].Id, Kind = ProductFlagKind.Other, Source = "節目部 來電", Date = today.AddDays(-2), Note = "直播中示範時功能異常，請加驗" },
        };
        foreach (var flag in flags)
        {
            flag.RecordedBy = recordedBy;
            flag.RecordedUtc = flag.Date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        }

        db.ProductFlags.AddRange(flags);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return flags.Count;
    }

    /// <summary>Each month of 2020: the rules' candidates confirmed by the manager (one removed now and then) and their results.</summary>
    private static async Task<int> SeedSpotChecksAsync(PortalDbContext db, Random random, string inspectorName, (string Id, string Name) manager, CancellationToken ct)
    {
        var settings = new SpotCheckRuleSettings();
        for (var m = 1; m <= 12; m++)
        {
            var month = new DateOnly(Year, m, 1);
            var proposal = await SpotCheckInputs.ProposeAsync(db, month, settings, ct);
            var list = SpotCheckMonth.Confirm(month, manager.Id, manager.Name, month.AddDays(2).ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc));
            var removeAt = m % 3 == 0 ? proposal.Candidates.Count - 1 : -1;
            for (var i = 0; i < proposal.Candidates.Count; i++)
            {
                var candidate = proposal.Candidates[i];
                var item = list.Propose(candidate);
                var followUp = item.MonthlySpotCheckId;
                if (i == removeAt && followUp is null)
                {
                    item.Remove("上月已抽驗合格，本月不重複抽驗");
                }
                else
                {
                    var fail = followUp is null && random.NextDouble() < 0.06;
                    item.Record(fail ? SpotCheckOutcome.Fail : SpotCheckOutcome.Pass, fail ? "外箱標示與核定樣品不一致，已通知廠商改善" : "抽驗合格",
                        inspectorName, month.AddDays(10 + random.Next(0, 15)).ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc));
                }
            }

            db.SpotCheckMonths.Add(list);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return 12;
    }

    private static async Task<int> SeedAuditsAsync(PortalDbContext db, Random random, List<(int Id, string Name, SupplierCategory Category)> suppliers,
        List<Product> products, string auditorName, DateTime nowUtc, CancellationToken ct)
    {
        var food = suppliers.Where(s => s.Category == SupplierCategory.Food).ToList();
        var makers = suppliers.Where(s => s.Category is SupplierCategory.Food or SupplierCategory.BeautyHealth or SupplierCategory.LeisureSmallAppliances).ToList();
        var audits = new List<FactoryAudit>();
        var seasonalDates = new[] { new DateOnly(Year, 1, 8), new DateOnly(Year, 1, 14), new DateOnly(Year, 12, 3), new DateOnly(Year, 12, 10), new DateOnly(Year, 12, 17) };
        var anomalyDates = new[] { new DateOnly(Year, 4, 22), new DateOnly(Year, 9, 24) };
        for (var i = 0; i < Audits2020[AuditReason.Seasonal]; i++)
        {
            audits.Add(Audit(random, food[(i * 3) % food.Count], AuditReason.Seasonal, AuditTrigger.Scheduled, seasonalDates[i], "年菜商品檢驗", products, auditorName));
        }

        for (var i = 0; i < Audits2020[AuditReason.ProductAnomaly]; i++)
        {
            var supplier = suppliers[(i * 17) + 5];
            audits.Add(Audit(random, supplier, AuditReason.ProductAnomaly, AuditTrigger.Triggered, anomalyDates[i],
                i == 0 ? "客訴 C2020-0418：商品異物" : "客訴 C2020-0915：充電時外殼過熱", products, auditorName));
        }

        for (var i = 0; i < Audits2020[AuditReason.Oem]; i++)
        {
            var date = new DateOnly(Year, 1 + (i * 2 % 12), 5 + random.Next(0, 20));
            audits.Add(Audit(random, makers[(i * 7) % makers.Count], AuditReason.Oem, AuditTrigger.Scheduled, date, "委外代工查廠（年度計畫）", products, auditorName));
        }

        // Completed 2020 audits have their actions done; two recent audits keep open actions, one of them overdue.
        foreach (var audit in audits)
        {
            foreach (var action in audit.Actions)
            {
                action.MarkDone(action.DueOn.AddDays(-random.Next(0, 10)));
            }
        }

        var today = TaiwanTime.DateOf(nowUtc);
        // Its first action is overdue, its second due in two weeks.
        var recent = Audit(random, food[1], AuditReason.ProductAnomaly, AuditTrigger.Triggered, today.AddDays(-40), "重大客訴：年節禮盒發霉", products, auditorName,
            minFindings: 2, dueDays: n => n == 0 ? 30 : 54);
        audits.Add(recent);
        audits.Add(FactoryAudit.Plan(makers[2].Id, null, AuditReason.Oem, AuditTrigger.Scheduled, "委外代工查廠（年度計畫）", today.AddDays(9),
            makers[2].Name + " 代工廠（" + Sites[3] + "）", auditorName));

        db.FactoryAudits.AddRange(audits);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return audits.Count;
    }

    private static FactoryAudit Audit(Random random, (int Id, string Name, SupplierCategory Category) supplier, AuditReason reason, AuditTrigger trigger, DateOnly date,
        string note, List<Product> products, string auditorName, int minFindings = 0, Func<int, int>? dueDays = null)
    {
        var product = products.FirstOrDefault(p => p.SupplierId == supplier.Id);
        var audit = FactoryAudit.Plan(supplier.Id, product?.Id, reason, trigger, note, date,
            reason == AuditReason.Oem
                ? supplier.Name + " 代工廠（" + Sites[random.Next(Sites.Length)] + "）"
                : supplier.Name + "（" + Sites[random.Next(Sites.Length)] + "）",
            auditorName);
        var scores = Enum.GetValues<FactoryItem>().ToDictionary(i => i, _ => random.Next(68, 98));
        var findings = Math.Max(minFindings, random.Next(0, 3));
        foreach (var item in Enum.GetValues<FactoryItem>().OrderBy(_ => random.Next()).Take(findings))
        {
            scores[item] = Math.Min(scores[item], random.Next(60, 80));
            var texts = FindingTexts[item];
            var finding = audit.AddFinding(item, random.NextDouble() < 0.7 ? DefectClass.Minor : DefectClass.Major, texts[random.Next(texts.Length)], []);
            audit.AddAction("提出改善計畫並附改善前後照片（" + finding.Description + "）", "廠商品保主管", date.AddDays(dueDays?.Invoke(audit.Actions.Count) ?? 30));
        }

        audit.Complete(scores, findings == 0 ? "五項皆符合要求。" : "缺失已當場說明，請廠商於期限內改善回覆。");
        return audit;
    }
}
