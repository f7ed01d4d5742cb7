using System.Globalization;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Notifications;
using EasternSelect.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>
/// Deterministic demo casework over the complaint topics of <see cref="ReferenceData"/>: three years of closed
/// complaints (2018–2020) with monthly shipped volumes, grievances with the seed report's 65 cases in 2020,
/// and a handful of open cases around today so lists and SLA highlights have something to show.
/// Full scale adds one year of complaints at the retailer's volume.
/// </summary>
public sealed class CaseworkSeeder : IDemoSeeder
{
    public static readonly IReadOnlyList<(int Year, int Complaints, int Grievances, double WithinSevenDays)> History =
    [
        (2018, 1_500, 52, 0.93),
        (2019, 1_300, 59, 0.95),
        (2020, 1_100, 65, 0.97),
    ];

    public const int FullScaleYear = 2021;
    public const int FullScaleComplaints = 300_000;

    private const int BatchSize = 2_000;

    /// <summary>How often each complaint topic comes up in the demo complaints; a topic not listed weighs 1.</summary>
    public static readonly IReadOnlyDictionary<string, int> TopicWeights = new Dictionary<string, int>
    {
        ["quality"] = 24,
        ["delivery"] = 20,
        ["return"] = 16,
        ["description"] = 12,
        ["service"] = 8,
        ["order"] = 8,
        ["promotion"] = 6,
        ["invoice"] = 4,
        ["other"] = 2,
    };

    private static readonly string[] Surnames = ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "郭", "洪", "曾", "邱", "廖", "賴", "周", "徐", "蘇", "葉", "莊", "呂"];
    private static readonly string[] GivenNames = ["淑惠", "美華", "麗珠", "志偉", "雅雯", "家瑜", "俊宏", "怡萱", "冠廷", "佳蓉", "秀琴", "明德", "宜蓁", "柏翰", "素貞", "建志", "婉婷", "國華", "玉蘭", "思妤"];
    private static readonly string[] Cities = ["台北市大安區", "台北市信義區", "新北市板橋區", "新北市新莊區", "桃園市中壢區", "台中市西屯區", "台中市北區", "台南市東區", "高雄市左營區", "高雄市三民區", "新竹市東區", "基隆市仁愛區", "彰化縣彰化市", "嘉義市西區", "宜蘭縣羅東鎮"];
    private static readonly string[] Roads = ["中正路", "民生路", "復興路", "和平東路", "忠孝東路", "中山路", "文化路", "建國路", "三民路", "光復路"];

    private static readonly Dictionary<string, string[]> Descriptions = new()
    {
        ["quality"] = ["收到的商品外盒破損，內容物有裂痕", "使用兩次就無法開機", "食品包裝膨脹，疑似變質", "衣服縫線脫落", "顏色與電視上展示差很多且有污漬"],
        ["delivery"] = ["已超過預計到貨日三天仍未收到", "物流說送達但家裡沒收到", "配送人員未事先聯絡", "指定時段未送達"],
        ["return"] = ["申請退貨一週仍無人來收", "退款尚未入帳", "換貨寄來同樣的瑕疵品"],
        ["description"] = ["尺寸與網頁標示不同", "容量比廣告少", "功能與主持人介紹不符"],
        ["service"] = ["客服電話等候太久", "客服人員態度不佳", "承諾回電但沒有回電"],
        ["order"] = ["訂單被重複扣款", "分期付款期數錯誤", "訂單無故被取消"],
        ["promotion"] = ["贈品未隨貨附上", "東森幣折抵沒有生效", "活動價與結帳金額不同"],
        ["invoice"] = ["電子發票未開立", "發票抬頭錯誤需重開"],
        ["other"] = ["會員資料無法修改", "想詢問保固維修流程"],
    };

    private static readonly string[] MajorTexts =
    [
        "使用電暖器時插頭冒煙，孩子手部燙傷送急診",
        "接到自稱東森客服的詐騙電話，懷疑個資外洩",
        "若不處理將找媒體記者爆料",
        "已委請律師，準備提告並寄存證信函",
    ];

    private static readonly string[] GrievanceSubjects =
    [
        "檔期安排與銷售分配問題", "商品上架時程延誤", "貨款撥付延遲", "倉儲費用計算有疑義", "退貨運費分攤爭議",
        "節目播出時段調整未事先告知", "促銷活動費用分攤", "對帳單金額不符", "商品審議結果說明", "作業窗口聯繫不順暢",
    ];

    public string Name => "complaints 2018-2020, grievances and open cases";

    public async Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct) => await db.Cases.AnyAsync(ct);

    /// <summary>Demo history and open cases around the clock's now.</summary>
    public async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var context = await ContextAsync(db, ct);
        if (context.Products.Count == 0)
        {
            return;
        }

        var random = new Random(2020);
        db.AuditSuppressed = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (year, complaints, grievances, within) in History)
        {
            await AddComplaintsAsync(db, context, random, year, complaints, within, progress: null, ct);
            await AddGrievancesAsync(db, context, random, year, grievances, ct);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await AddOpenCasesAsync(db, context, random, nowUtc, ct);

        await SeedAudit.WriteAsync(db, clock, nameof(CaseFile), "Seeded demo complaints 2018-2020, grievances and open cases.", ct);
    }

    /// <summary>One year of closed complaints at the retailer's volume, for benchmarks.</summary>
    public static async Task SeedFullAsync(PortalDbContext db, TimeProvider clock, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        await ReferenceDataSeeder.SeedAsync(db, clock, ct);

        var context = await ContextAsync(db, ct);
        var random = new Random(2021);
        db.AuditSuppressed = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await AddComplaintsAsync(db, context, random, FullScaleYear, FullScaleComplaints, 0.97, progress, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await SeedAudit.WriteAsync(db, clock, nameof(Complaint),
            string.Create(CultureInfo.InvariantCulture, $"Seeded {FullScaleComplaints} complaints for {FullScaleYear}."), ct);
    }

    private sealed record SeedContext(
        List<(int Id, int SupplierId)> Products, List<(int Id, string Code, int Weight)> Categories, List<(int Id, string Name)> Suppliers,
        (string Id, string Name)? Agent, (string Id, string Name)? MajorTeam, (string Id, string Name)? Head,
        (string Id, string Name)? Auditor, (string Id, string Name)? Executive, (string Id, string Name)? Officer);

    private static async Task<SeedContext> ContextAsync(PortalDbContext db, CancellationToken ct)
    {
        // A sample of products is enough for complaints to spread over many suppliers.
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Id).Where(p => p.Id % 7 == 0 || p.Id < 2_000)
            .Select(p => new { p.Id, p.SupplierId }).Take(20_000).ToListAsync(ct);
        // The demo story predates the two topics counted apart (excluded from the statistics): its complaints use the counted topics only.
        var categories = await db.ComplaintCategories.AsNoTracking().Where(c => !c.ExcludedFromStatistics).OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        var suppliers = await db.Suppliers.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).Take(2_000).ToListAsync(ct);

        async Task<(string, string)?> User(string email)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
            return user is null ? null : (user.Id, user.DisplayName ?? email);
        }

        return new SeedContext(
            products.Select(p => (p.Id, p.SupplierId)).ToList(),
            categories.Select(c => (c.Id, c.Code, TopicWeights.GetValueOrDefault(c.Code, 1))).ToList(),
            suppliers.Select(s => (s.Id, s.Name)).ToList(),
            await User("cx.agent@demo.local"), await User("major.case@demo.local"), await User("supplier.head@demo.local"),
            await User("auditor@demo.local"), await User("executive@demo.local"), await User("supplier.officer@demo.local"));
    }

    private static async Task AddComplaintsAsync(
        PortalDbContext db, SeedContext context, Random random, int year, int count, double withinSevenDays,
        IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var agent = context.Agent is { } a ? new CaseActor(a.Id, a.Name) : new CaseActor(null, "客服專員");
        var batch = new List<Complaint>(BatchSize);
        var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            // Spread over the year in order, so numbers follow dates; office hours in Taiwan (UTC+8).
            var day = (int)((long)i * 365 / count);
            var opened = start.AddDays(day).AddHours(random.Next(0, 12)).AddMinutes(random.Next(0, 60));
            var (categoryId, code) = PickCategory(random, context);
            var (productId, supplierId) = context.Products[random.Next(context.Products.Count)];
            var channel = random.NextDouble() switch
            {
                < 0.45 => ComplaintChannel.Phone,
                < 0.70 => ComplaintChannel.Web,
                < 0.85 => ComplaintChannel.App,
                < 0.95 => ComplaintChannel.Email,
                _ => ComplaintChannel.Ivr,
            };
            var complaint = NewComplaint(random, channel, categoryId, productId, supplierId, Describe(random, code));
            var online = Complaint.IsOnlineChannel(channel);
            complaint.Open(string.Create(CultureInfo.InvariantCulture, $"C{year}-{i + 1:D6}"), opened, opened.AddDays(7), online ? opened.AddHours(24) : null, agent);
            if (random.NextDouble() < 0.008)
            {
                complaint.Description += "；" + MajorTexts[random.Next(MajorTexts.Length)];
                complaint.MarkMajor(MajorCaseDetector.Detect(complaint.Description), detected: true, new CaseActor(null, "system"), opened);
            }

            var assigned = opened.AddMinutes(random.Next(3, 90));
            complaint.Assign(agent, agent, assigned);
            complaint.MoveTo(CaseStatus.Investigating, agent, assigned.AddMinutes(online ? random.Next(30, 20 * 60) : random.Next(5, 120)));
            var hours = random.NextDouble() < withinSevenDays ? random.Next(4, 7 * 24 - 4) : random.Next(7 * 24 + 2, 14 * 24);
            var closed = opened.AddHours(hours);
            var cause = code == "quality" ? RootCause.QualityDefect : code switch
            {
                "delivery" => RootCause.Delivery,
                "description" => RootCause.Expectation,
                "return" => random.NextDouble() < 0.4 ? RootCause.QualityDefect : RootCause.CustomerHandling,
                "service" or "order" or "invoice" => RootCause.ServiceProcess,
                _ => random.NextDouble() < 0.5 ? RootCause.Expectation : RootCause.Other,
            };
            complaint.MoveTo(CaseStatus.Resolved, agent, closed.AddHours(-1));
            complaint.SetRootCause(cause, null, cause == RootCause.QualityDefect ? supplierId : null, agent, closed.AddHours(-1));
            complaint.MoveTo(CaseStatus.Closed, agent, closed);
            complaint.CreatedUtc = opened;
            complaint.UpdatedUtc = closed;
            batch.Add(complaint);
            if (batch.Count == BatchSize || i == count - 1)
            {
                db.Complaints.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                batch.Clear();
                progress?.Report((i + 1, count));
            }
        }
    }

    private static async Task AddGrievancesAsync(PortalDbContext db, SeedContext context, Random random, int year, int count, CancellationToken ct)
    {
        var head = context.Head is { } h ? new CaseActor(h.Id, h.Name) : new CaseActor(null, "廠服主管");
        var auditor = context.Auditor is { } a ? new CaseActor(a.Id, a.Name) : new CaseActor("auditor", "第三方稽核");
        var officer = context.Officer is { } o ? new CaseActor(o.Id, o.Name) : head;
        var list = new List<Grievance>(count);
        for (var i = 0; i < count; i++)
        {
            var opened = new DateTime(year, 1, 1, 2, 0, 0, DateTimeKind.Utc).AddDays((i * 360 / count) + random.Next(0, 4)).AddHours(random.Next(0, 8));
            var g = NewGrievance(random, context, year);
            g.Open(string.Create(CultureInfo.InvariantCulture, $"G{year}-{i + 1:D4}"), opened, opened.AddDays(30), null, g.Source == GrievanceSource.Officer ? officer : new CaseActor(null, "supplier"));
            g.Assign(officer, head, opened.AddHours(2));
            g.MoveTo(CaseStatus.Investigating, officer, opened.AddHours(4));
            g.AssignAuditor(auditor, head, opened.AddHours(5));
            g.RecordFinding("已調閱相關部門紀錄並訪談承辦人。", auditor, opened.AddDays(3));
            g.MoveTo(CaseStatus.Resolved, officer, opened.AddDays(8));
            var outcome = random.NextDouble() switch
            {
                < 0.35 => GrievanceOutcome.Substantiated,
                < 0.60 => GrievanceOutcome.PartlySubstantiated,
                < 0.92 => GrievanceOutcome.NotSubstantiated,
                _ => GrievanceOutcome.Withdrawn,
            };
            g.Conclude(outcome, "調查完成，已協請相關部門提供資料回覆廠商。", auditor, opened.AddDays(9));
            g.SignOff(head, opened.AddDays(10));
            g.MoveTo(CaseStatus.Closed, head, opened.AddDays(10).AddHours(1));
            g.CreatedUtc = opened;
            g.UpdatedUtc = g.LastActivityUtc;
            list.Add(g);
        }

        db.Grievances.AddRange(list);
        await db.SaveChangesAsync(ct);
        var reads = new List<GrievanceRead>();
        foreach (var g in list)
        {
            if (context.Head is { } hh)
            {
                reads.Add(new GrievanceRead { GrievanceId = g.Id, UserId = hh.Id, UserName = hh.Name, Role = Roles.SupplierHead, ReadUtc = g.LastActivityUtc.AddHours(1) });
            }

            if (context.Executive is { } ex)
            {
                reads.Add(new GrievanceRead { GrievanceId = g.Id, UserId = ex.Id, UserName = ex.Name, Role = Roles.Executive, ReadUtc = g.LastActivityUtc.AddHours(3) });
            }
        }

        db.GrievanceReads.AddRange(reads);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Open cases around today: some fresh, some close to the 7-day target, some past it, a few major.</summary>
    private static async Task AddOpenCasesAsync(PortalDbContext db, SeedContext context, Random random, DateTime nowUtc, CancellationToken ct)
    {
        var agent = context.Agent is { } a ? new CaseActor(a.Id, a.Name) : new CaseActor(null, "客服專員");
        var team = context.MajorTeam is { } m ? new CaseActor(m.Id, m.Name) : agent;
        var system = new CaseActor(null, "system");
        var complaints = new List<Complaint>();
        double[] ageHours = [1, 3, 5, 20, 30, 50, 75, 100, 130, 150, 155, 160, 165, 170, 180, 200, 26, 8, 2, 12];
        for (var i = 0; i < ageHours.Length; i++)
        {
            var opened = nowUtc.AddHours(-ageHours[i]);
            var (categoryId, code) = PickCategory(random, context);
            var (productId, supplierId) = context.Products[random.Next(context.Products.Count)];
            var channel = (ComplaintChannel)(i % 5);
            var major = i is 4 or 11;
            var c = NewComplaint(random, channel, categoryId, productId, supplierId, major ? MajorTexts[i % MajorTexts.Length] : Describe(random, code));
            c.Open(string.Create(CultureInfo.InvariantCulture, $"C{TaiwanTime.YearOf(nowUtc)}-{i + 1:D6}"), opened, opened.AddDays(7),
                Complaint.IsOnlineChannel(channel) ? opened.AddHours(24) : null, agent);
            if (major)
            {
                c.MarkMajor(MajorCaseDetector.Detect(c.Description), detected: true, system, opened);
            }

            if (i % 4 != 0)
            {
                var worker = major ? team : agent;
                c.Assign(worker, worker, opened.AddMinutes(20));
                if (i % 3 != 0 && ageHours[i] > 4)
                {
                    c.MoveTo(CaseStatus.Investigating, worker, opened.AddHours(2));
                    if (i % 5 == 2)
                    {
                        c.MoveTo(CaseStatus.WaitingForSupplier, worker, opened.AddHours(3));
                    }
                }
            }

            c.CreatedUtc = opened;
            c.UpdatedUtc = c.LastActivityUtc;
            complaints.Add(c);
        }

        db.Complaints.AddRange(complaints);
        await db.SaveChangesAsync(ct);
        foreach (var c in complaints.Where(c => c.IsMajor))
        {
            db.Notifications.Add(new Notification
            {
                Role = Roles.MajorCaseTeam, TextKey = "Notification.MajorComplaint", Argument = c.Number, CreatedUtc = c.OpenedUtc,
                Link = "/complaints/" + c.Id.ToString(CultureInfo.InvariantCulture),
            });
        }

        // Recent grievances: unread, one from last week still unread (escalated), one with an auditor.
        var head = context.Head is { } h ? new CaseActor(h.Id, h.Name) : system;
        var auditor = context.Auditor is { } au ? new CaseActor(au.Id, au.Name) : new CaseActor("auditor", "第三方稽核");
        var grievances = new List<Grievance>();
        double[] grievanceAgeHours = [2, 20, 60, 150, 240];
        for (var i = 0; i < grievanceAgeHours.Length; i++)
        {
            var opened = nowUtc.AddHours(-grievanceAgeHours[i]);
            var g = NewGrievance(random, context, TaiwanTime.YearOf(nowUtc));
            g.Open(string.Create(CultureInfo.InvariantCulture, $"G{TaiwanTime.YearOf(nowUtc)}-{i + 1:D4}"), opened, opened.AddDays(30), null, new CaseActor(null, "supplier"));
            if (i >= 2)
            {
                g.Assign(head, head, opened.AddHours(3));
                g.MoveTo(CaseStatus.Investigating, head, opened.AddHours(4));
                g.AssignAuditor(auditor, head, opened.AddHours(5));
            }

            g.CreatedUtc = opened;
            g.UpdatedUtc = g.LastActivityUtc;
            grievances.Add(g);
        }

        db.Grievances.AddRange(grievances);
        await db.SaveChangesAsync(ct);
    }

    private static Complaint NewComplaint(Random random, ComplaintChannel channel, int categoryId, int productId, int supplierId, string description)
    {
        var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
        return new Complaint
        {
            Channel = channel,
            CustomerName = name,
            CustomerPhone = string.Create(CultureInfo.InvariantCulture, $"09{random.Next(10, 100)}{random.Next(0, 1_000_000):D6}"),
            CustomerEmail = random.NextDouble() < 0.6 ? string.Create(CultureInfo.InvariantCulture, $"member{random.Next(100_000, 999_999)}@example.com.tw") : null,
            CustomerAddress = string.Create(CultureInfo.InvariantCulture, $"{Cities[random.Next(Cities.Length)]}{Roads[random.Next(Roads.Length)]}{random.Next(1, 300)}號{random.Next(1, 15)}樓"),
            OrderNumber = string.Create(CultureInfo.InvariantCulture, $"ES{random.Next(10_000_000, 99_999_999)}"),
            ProductId = productId,
            SupplierId = supplierId,
            CategoryId = categoryId,
            Description = description,
        };
    }

    private static Grievance NewGrievance(Random random, SeedContext context, int year)
    {
        var topic = random.NextDouble() switch
        {
            < 0.36 => GrievanceTopic.ProductSales,
            < 0.66 => GrievanceTopic.OperationalCoordination,
            < 0.93 => GrievanceTopic.PaymentsFees,
            _ => GrievanceTopic.Other,
        };
        var anonymous = random.NextDouble() < 0.1;
        var (supplierId, supplierName) = context.Suppliers.Count > 0 ? context.Suppliers[random.Next(context.Suppliers.Count)] : (0, "供應商");
        var subject = GrievanceSubjects[random.Next(GrievanceSubjects.Length)];
        return new Grievance
        {
            Topic = topic,
            Source = random.NextDouble() < 0.55 ? GrievanceSource.PublicForm : GrievanceSource.Officer,
            Subject = subject,
            Description = string.Create(CultureInfo.InvariantCulture, $"{year} 年{subject}，希望貴公司協助調查並回覆。"),
            Anonymous = anonymous,
            SupplierId = anonymous || supplierId == 0 ? null : supplierId,
            CompanyName = anonymous ? null : supplierName,
            ContactName = anonymous ? null : Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
            ContactPhone = anonymous ? null : string.Create(CultureInfo.InvariantCulture, $"09{random.Next(10, 100)}{random.Next(0, 1_000_000):D6}"),
            ContactEmail = anonymous ? null : string.Create(CultureInfo.InvariantCulture, $"service{random.Next(100, 999)}@supplier.com.tw"),
            TokenHash = Grievance.NewToken().Hash,
        };
    }

    private static (int Id, string Code) PickCategory(Random random, SeedContext context)
    {
        var pick = random.Next(context.Categories.Sum(c => c.Weight));
        foreach (var (id, code, weight) in context.Categories)
        {
            pick -= weight;
            if (pick < 0)
            {
                return (id, code);
            }
        }

        return (context.Categories[^1].Id, context.Categories[^1].Code);
    }

    private static string Describe(Random random, string code)
    {
        var texts = Descriptions.TryGetValue(code, out var found) ? found : Descriptions["other"];
        return texts[random.Next(texts.Length)];
    }

    // About 45,000 orders shipped a day (the seed report), busier in the fourth quarter.
}
