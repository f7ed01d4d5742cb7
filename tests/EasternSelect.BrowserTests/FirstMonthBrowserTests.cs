using System.Security.Cryptography;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Infrastructure.Cli;
using EasternSelect.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

/// <summary>
/// A new customer's first month, with demo mode off on an empty database: the administrator is created as
/// <c>create-admin</c> does, sets up the second factor, invites one person per role, and those people run the month
/// through the screens only. Nothing here reads or writes the database behind the portal's back.
/// </summary>
// In the browser collection so it does not run beside the other browser tests: one walk at a time keeps its waits honest.
[Collection(nameof(BrowserCollection))]
public sealed class FirstMonthBrowserTests : IAsyncLifetime
{
    private const string AdminEmail = "it.admin@example.com";
    private const string AdminPassword = "harbour lights over keelung";
    private const string StaffPassword = "tea fields of pinglin 2026";

    private readonly MovableClock _clock = new();
    private readonly PortalFactory _portal;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = string.Empty;
    private string? _skipReason;
    private readonly Dictionary<string, string> _states = [];

    /// <summary>One person per role (the committee needs one member per department, so four members).</summary>
    private static readonly (string Email, string Name, string Role)[] Staff =
    [
        ("inspector@example.com", "品保 王檢驗", Roles.QaInspector),
        ("qa.lead@example.com", "品保 陳主管", Roles.QaManager),
        ("officer@example.com", "廠服 林專員", Roles.SupplierOfficer),
        ("supplier.lead@example.com", "廠服 黃主管", Roles.SupplierHead),
        ("agent@example.com", "客服 張專員", Roles.CxAgent),
        ("major@example.com", "重案 李組員", Roles.MajorCaseTeam),
        ("marketing@example.com", "行銷 吳企劃", Roles.Merchandiser),
        ("member.product@example.com", "審議 商品部", Roles.CommitteeMember),
        ("member.programme@example.com", "審議 節目部", Roles.CommitteeMember),
        ("member.catalogue@example.com", "審議 型錄部", Roles.CommitteeMember),
        ("member.qa@example.com", "審議 品保部", Roles.CommitteeMember),
        ("audit@example.com", "稽核 周稽核", Roles.ThirdPartyAuditor),
        ("ceo@example.com", "總經理 鄭執行", Roles.Executive),
    ];

    public FirstMonthBrowserTests() => _portal = new() { DemoMode = false, Clock = _clock };

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            _skipReason = Environment.GetEnvironmentVariable("REQUIRE_BROWSER") is { Length: > 0 }
                ? throw new InvalidOperationException($"REQUIRE_BROWSER is set but no Chromium was found at {BrowserFixture.ChromiumPath}.")
                : $"No Chromium at {BrowserFixture.ChromiumPath}.";
            return;
        }

        _portal.UseKestrel(0);
        _portal.StartServer();
        _baseUrl = _portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal).Replace("[::1]", "localhost", StringComparison.Ordinal);
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _portal.Dispose();
    }

    [SkippableFact]
    public async Task EmptyCompany_RunsItsFirstMonthThroughTheScreens_FromAdministratorToEsgReport()
    {
        Skip.If(_skipReason is not null, _skipReason);

        // create-admin, as the README tells a new customer.
        var created = await Commands.CreateAdministratorAsync(_portal.Services, AdminEmail, "系統管理員", AdminPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));

        var admin = await SetUpAdministratorAsync();
        foreach (var (email, name, role) in Staff)
        {
            await InviteAsync(admin, email, name, role);
        }

        await Screenshot(admin, "first-month-users");
        await admin.Context.CloseAsync();

        var supplierPath = await RegisterAndQualifySupplierAsync();
        await CreateAndPreInspectProductAsync();
        await InspectLotAsync(supplierPath);
        await CloseQualityComplaintAsync();
        await CloseGrievanceAsync();
        var sku = await ImportOperatingDataAsync();
        await HoldCommitteeAsync();
        await HoldAnomalyMeetingAsync();

        // The month ends: on the next month's first day the QA manager runs the tier evaluation of the month just closed.
        var month = TaiwanTime.MonthOf(_clock.GetUtcNow().UtcDateTime);
        var next = month.AddMonths(1);
        _clock.MoveTo(new DateTimeOffset(next.Year, next.Month, 1, 2, 0, 0, TimeSpan.Zero));
        _states.Clear();
        await EvaluateTiersAsync(month);
        await ReadEsgReportAsync(month.Year, sku);
    }

    /// <summary>The QA manager imports the month's shipped, returned and sold units and the supplier's yearly volume.</summary>
    private async Task<string> ImportOperatingDataAsync()
    {
        var manager = await AsAsync("qa.lead@example.com");
        await BrowserFixture.GotoInteractiveAsync(manager, "/products");
        var row = manager.Locator("[data-testid=product-table] tbody tr", new() { HasText = ProductName }).First;
        var sku = (await row.Locator("code").First.InnerTextAsync()).Trim();
        await Assertions.Expect(row).ToContainTextAsync("上架中");

        var month = TaiwanTime.MonthOf(_clock.GetUtcNow().UtcDateTime);
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var products = workbook.AddWorksheet("商品月資料");
        object[] productRow = [sku, month.Year, month.Month, 1000, 20, 40, 950];
        var suppliers = workbook.AddWorksheet("供應商年資料");
        object[] supplierRow = ["04595257", month.Year, 12_000_000, "Y"];
        for (var c = 0; c < productRow.Length; c++)
        {
            products.Cell(1, c + 1).SetValue("h" + c);
            products.Cell(2, c + 1).SetValue(productRow[c].ToString());
        }

        for (var c = 0; c < supplierRow.Length; c++)
        {
            suppliers.Cell(1, c + 1).SetValue("h" + c);
            suppliers.Cell(2, c + 1).SetValue(supplierRow[c].ToString());
        }

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        await BrowserFixture.GotoInteractiveAsync(manager, "/imports/operating-data");
        await manager.WaitForTimeoutAsync(500);
        await manager.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "operating.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = buffer.ToArray() });
        await Assertions.Expect(manager.Locator("[data-testid=operating-run]")).ToBeEnabledAsync();
        await manager.ClickAsync("[data-testid=operating-run]");
        await Assertions.Expect(manager.Locator("[data-testid=operating-succeeded]")).ToBeVisibleAsync();
        await Screenshot(manager, "first-month-operating-data");
        await manager.Context.CloseAsync();
        return sku;
    }

    /// <summary>The chair appoints one member per department; the merchandiser proposes a new product; the four score; the chair decides.</summary>
    private async Task HoldCommitteeAsync()
    {
        var chair = await AsAsync("ceo@example.com");
        await BrowserFixture.GotoInteractiveAsync(chair, "/committees/members");
        foreach (var (name, department, key) in new[] { ("審議 商品部", "商品部", "Product"), ("審議 節目部", "節目部", "Programme"), ("審議 型錄部", "型錄部", "Catalogue"), ("審議 品保部", "品保部", "QualityAssurance") })
        {
            await SelectAsync(chair, "member-user", name);
            await SelectAsync(chair, "member-department", department);
            await chair.ClickAsync("[data-testid=member-add]");
            await Assertions.Expect(chair.Locator($"[data-testid=members-{key}]")).ToContainTextAsync(name);
        }

        await Screenshot(chair, "first-month-committee-members");
        await BrowserFixture.GotoInteractiveAsync(chair, "/committees/product-review");
        await chair.ClickAsync("[data-testid=meeting-create]");
        await chair.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/committees/product-review/\d+$"));
        var meetingPath = new Uri(chair.Url).AbsolutePath;

        var merchandiser = await AsAsync("marketing@example.com");
        await BrowserFixture.GotoInteractiveAsync(merchandiser, meetingPath);
        await merchandiser.Locator("[data-testid=proposal-form]").GetByText("新商品", new() { Exact = true }).ClickAsync();
        await merchandiser.FillAsync("input[data-testid=proposal-new-name]", "新竹貢丸 家庭包");
        await PickAsync(merchandiser, "input[data-testid=proposal-supplier]", "新竹好食品");
        await merchandiser.FillAsync("input[data-testid=proposal-price]", "450");
        await merchandiser.FillAsync("textarea[data-testid=proposal-selling-points]", "在地豬肉，節目可現場試吃");
        await merchandiser.FillAsync("input[data-testid=proposal-pre-inspection]", "待樣品預檢");
        await merchandiser.ClickAsync("[data-testid=proposal-submit]");
        await Assertions.Expect(merchandiser.Locator("[data-testid=proposal-0]")).ToContainTextAsync("新竹貢丸 家庭包");
        await merchandiser.Context.CloseAsync();

        var score = 80;
        foreach (var email in new[] { "member.product@example.com", "member.programme@example.com", "member.catalogue@example.com", "member.qa@example.com" })
        {
            var member = await AsAsync(email);
            await BrowserFixture.GotoInteractiveAsync(member, meetingPath);
            foreach (var criterion in new[] { "presentation", "selling-point", "price", "quality" })
            {
                await member.FillAsync($"input[data-testid=proposal-0-{criterion}]", score.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await member.FillAsync("input[data-testid=proposal-0-comment]", "同意");
            await member.ClickAsync("[data-testid=proposal-0-score-submit]");
            await Assertions.Expect(member.Locator("[data-testid=proposal-0-scores]")).ToBeVisibleAsync();
            await member.Context.CloseAsync();
            score += 2;
        }

        await BrowserFixture.GotoInteractiveAsync(chair, meetingPath);
        await chair.GetByText("主席設定").ClickAsync();
        await chair.ClickAsync("[data-testid=close-scoring]");
        await Assertions.Expect(chair.Locator("[data-testid=meeting-status]")).ToContainTextAsync("評分已截止");
        await chair.Locator("[data-testid=proposal-0-decide]").GetByText("核准上架").ClickAsync();
        await chair.FillAsync("textarea[data-testid=proposal-0-conditions]", "樣品預檢合格後上架");
        await chair.ClickAsync("[data-testid=proposal-0-decide-submit]");
        await Assertions.Expect(chair.Locator("[data-testid=meeting-status]")).ToContainTextAsync("已決議");
        // A new product approved by the committee waits for its sample pre-inspection before it is listed.
        await Assertions.Expect(chair.Locator("[data-testid=proposal-0-decision-text]")).ToContainTextAsync("待樣品預檢合格後自動上架");
        await Screenshot(chair, "first-month-committee-decided");
        await chair.Context.CloseAsync();
    }

    /// <summary>The QA manager opens the month's anomaly meeting, sees the month's anomalies gathered and closes it.</summary>
    private async Task HoldAnomalyMeetingAsync()
    {
        var manager = await AsAsync("qa.lead@example.com");
        await BrowserFixture.GotoInteractiveAsync(manager, "/committees/anomaly");
        await manager.ClickAsync("[data-testid=anomaly-open]");
        await manager.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/committees/anomaly/\d+$"));
        await manager.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(manager.Locator("[data-testid=anomalies]")).ToBeVisibleAsync();
        await manager.ClickAsync("[data-testid=anomaly-close]");
        await Assertions.Expect(manager.Locator("[data-testid=anomaly-status]")).Not.ToContainTextAsync("進行中");
        await Screenshot(manager, "first-month-anomaly-meeting");
        await manager.Context.CloseAsync();
    }

    /// <summary>The month's tier evaluation: the QA manager approves the proposal for the new supplier and its inspection streams follow.</summary>
    private async Task EvaluateTiersAsync(DateOnly month)
    {
        var manager = await AsAsync("qa.lead@example.com");
        await BrowserFixture.GotoInteractiveAsync(manager, "/suppliers/tiering");
        await manager.FillAsync("input[data-testid=evaluation-month]", month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        await manager.ClickAsync("[data-testid=run-evaluation]");
        await Assertions.Expect(manager.Locator("[data-testid=run-message]")).ToContainTextAsync("評估完成");
        await Screenshot(manager, "first-month-tier-proposals");
        var row = manager.Locator("[data-testid=proposals-table] tbody tr", new() { HasText = "新竹好食品" }).First;
        await row.Locator("button[data-testid^=approve-]").ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=tier-history]")).ToContainTextAsync(SupplierName);

        await BrowserFixture.GotoInteractiveAsync(manager, "/inspections/lots");
        await manager.Locator("[data-testid=lots-table] a", new() { HasText = LotNumber }).First.ClickAsync();
        await manager.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(manager.Locator("[data-testid=lot-streams]")).ToContainTextAsync("供應商分級調整");
        await Screenshot(manager, "first-month-streams-moved");
        await manager.Context.CloseAsync();
    }

    /// <summary>The executive reads the year's ESG report: the figures this walk created.</summary>
    private async Task ReadEsgReportAsync(int year, string sku)
    {
        var ceo = await AsAsync("ceo@example.com");
        await BrowserFixture.GotoInteractiveAsync(ceo, "/reports");
        await ceo.FillAsync("input[data-testid=report-esg-year]", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ceo.Locator("input[data-testid=report-esg-year]").BlurAsync();
        await ceo.ClickAsync("[data-testid=report-esg-view]");
        var report = ceo.Locator("[data-testid=report-view]");
        await Assertions.Expect(report).ToContainTextAsync("品質嚴選 服務貼心");
        await Screenshot(ceo, "first-month-esg");
        _ = sku;
        await ceo.Context.CloseAsync();
    }

    /// <summary>Opens a MudSelect by its test id and picks the option with the text.</summary>
    private static async Task SelectAsync(IPage page, string testId, string text)
    {
        await page.Locator(".mud-select", new() { Has = page.Locator($"[data-testid={testId}]") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>A customer's quality complaint about the product, taken, investigated and closed with a quality root cause.</summary>
    private async Task CloseQualityComplaintAsync()
    {
        var agent = await AsAsync("agent@example.com");
        await BrowserFixture.GotoInteractiveAsync(agent, "/complaints");
        await agent.ClickAsync("[data-testid=complaint-new]");
        var dialog = agent.Locator(".mud-dialog");
        await dialog.Locator(".mud-select", new() { Has = agent.Locator("[data-testid=intake-category]") }).First.ClickAsync();
        await agent.Locator(".mud-popover-open .mud-list-item", new() { HasText = "商品品質瑕疵" }).First.ClickAsync();
        await Assertions.Expect(agent.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await PickAsync(agent, "input[data-testid=intake-product]", "新竹米粉");
        await agent.FillAsync("input[data-testid=intake-name]", "陳大文");
        await agent.FillAsync("input[data-testid=intake-phone]", "0911555666");
        await agent.FillAsync("input[data-testid=intake-order]", "ES20261201");
        await agent.FillAsync("textarea[data-testid=intake-description]", "米粉禮盒內有一包受潮結塊");
        await agent.ClickAsync("[data-testid=intake-save]");
        await Assertions.Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/complaints/\d+$"));
        await agent.ClickAsync("[data-testid=complaint-take]");
        await agent.ClickAsync("[data-testid=move-Investigating]");
        await Assertions.Expect(agent.Locator("[data-testid=case-status]").First).ToHaveAttributeAsync("data-status", "Investigating");
        await agent.Locator(".mud-select", new() { Has = agent.Locator("[data-testid=close-root-cause]") }).First.ClickAsync();
        await agent.Locator(".mud-popover-open .mud-list-item", new() { HasText = "商品品質瑕疵" }).First.ClickAsync();
        await Assertions.Expect(agent.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await agent.FillAsync("input[data-testid=close-note]", "包裝封口不良，已退換並通知供應商");
        await agent.ClickAsync("[data-testid=complaint-close]");
        await Assertions.Expect(agent.Locator("[data-testid=case-status]").First).ToHaveAttributeAsync("data-status", "Closed");
        await Assertions.Expect(agent.Locator("[data-testid=complaint-root-cause]")).ToContainTextAsync("商品品質瑕疵");
        await Screenshot(agent, "first-month-complaint-closed");
        await agent.Context.CloseAsync();
    }

    /// <summary>A supplier files a grievance on the public form; the head assigns the auditor, who concludes; the head signs off and closes.</summary>
    private async Task CloseGrievanceAsync()
    {
        var context = await NewContextAsync();
        var supplier = await context.NewPageAsync();
        await supplier.GotoAsync("/grievance/new");
        await supplier.SelectOptionAsync("[data-testid=public-topic]", "PaymentsFees");
        await supplier.FillAsync("[data-testid=public-subject]", "十一月貨款延遲撥付");
        await supplier.FillAsync("[data-testid=public-description]", "十一月份貨款至今未撥付，請協助查明。");
        await supplier.FillAsync("[data-testid=public-company]", SupplierName);
        await supplier.FillAsync("[data-testid=public-contact]", "郭品管");
        await supplier.FillAsync("[data-testid=public-phone]", "0935123456");
        await supplier.ClickAsync("[data-testid=public-submit]");
        var number = (await supplier.Locator("[data-testid=receipt-number]").TextContentAsync())!.Trim();
        await context.CloseAsync();

        var head = await AsAsync("supplier.lead@example.com");
        await BrowserFixture.GotoInteractiveAsync(head, "/grievances/digest");
        await head.Locator("[data-testid=digest-table] a", new() { HasText = number }).ClickAsync();
        await head.Locator("[data-interactive=true]").WaitForAsync();
        var grievancePath = new Uri(head.Url).AbsolutePath;
        await head.ClickAsync("[data-testid=grievance-take]");
        await head.Locator(".mud-select", new() { Has = head.Locator("[data-testid=auditor-select]") }).First.ClickAsync();
        await head.Locator(".mud-popover-open .mud-list-item", new() { HasText = "周稽核" }).First.ClickAsync();
        await Assertions.Expect(head.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await head.ClickAsync("[data-testid=auditor-assign]");
        await Assertions.Expect(head.Locator("[data-testid=grievance-auditor]")).ToContainTextAsync("周稽核");

        var auditor = await AsAsync("audit@example.com");
        await BrowserFixture.GotoInteractiveAsync(auditor, grievancePath);
        await auditor.Locator(".mud-select", new() { Has = auditor.Locator("[data-testid=auditor-outcome]") }).First.ClickAsync();
        await auditor.Locator(".mud-popover-open .mud-list-item", new() { HasText = "申訴成立" }).First.ClickAsync();
        await Assertions.Expect(auditor.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await auditor.FillAsync("input[data-testid=auditor-conclusion]", "財務延遲入帳，已於 12/5 撥付並調整流程");
        await auditor.ClickAsync("[data-testid=auditor-conclude]");
        await Assertions.Expect(auditor.Locator("[data-testid=grievance-conclusion]")).ToContainTextAsync("已於 12/5 撥付");
        await auditor.Context.CloseAsync();

        await BrowserFixture.GotoInteractiveAsync(head, grievancePath);
        await head.ClickAsync("[data-testid=grievance-signoff]");
        await Assertions.Expect(head.Locator("[data-testid=grievance-signoff]")).ToHaveCountAsync(0);
        // Taking the case assigned it; the head then moves it through the shared workflow to closure.
        foreach (var next in new[] { "Investigating", "Resolved", "Closed" })
        {
            await head.ClickAsync($"[data-testid=move-{next}]");
            await Assertions.Expect(head.Locator("[data-testid=case-status]").First).ToHaveAttributeAsync("data-status", next);
        }

        await Assertions.Expect(head.Locator("[data-testid=case-status]").First).ToHaveAttributeAsync("data-status", "Closed");
        await Screenshot(head, "first-month-grievance-closed");
        await head.Context.CloseAsync();
    }

    private const string SupplierName = "新竹好食品股份有限公司";
    private const string ProductName = "新竹米粉 禮盒";
    private const string LotNumber = "FM-LOT-0001";

    /// <summary>The supplier-service officer registers a supplier, reviews it on site, and the head qualifies it.</summary>
    private async Task<string> RegisterAndQualifySupplierAsync()
    {
        var officer = await AsAsync("officer@example.com");
        await BrowserFixture.GotoInteractiveAsync(officer, "/suppliers/new");
        await officer.WaitForTimeoutAsync(300);
        await officer.FillAsync("input[data-testid=supplier-name]", SupplierName);
        await officer.FillAsync("input[data-testid=supplier-taxid]", "04595257");
        await officer.FillAsync("input[data-testid=supplier-address]", "新竹市東區光復路二段101號");
        await officer.FillAsync("input[data-testid=supplier-contact-name]", "郭品管");
        await officer.FillAsync("input[data-testid=supplier-contact-phone]", "0935123456");
        await officer.FillAsync("input[data-testid=supplier-contact-email]", "quality@hsinchu-food.example");
        await officer.FillAsync("input[data-testid=supplier-warranty]", "24");
        await officer.Locator("input[data-testid=supplier-warranty]").BlurAsync();
        await officer.ClickAsync("[data-testid=supplier-save]");
        await officer.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/suppliers/[0-9]+$"));
        var supplierPath = new Uri(officer.Url).AbsolutePath;
        await Assertions.Expect(officer.Locator("[data-testid=supplier-title]")).ToHaveTextAsync(SupplierName);

        var supplierId = supplierPath.Split('/')[^1];
        await BrowserFixture.GotoInteractiveAsync(officer, $"/suppliers/reviews/new?supplierId={supplierId}");
        await Assertions.Expect(officer.Locator("[data-testid=review-suggested]")).ToContainTextAsync("實地審查");
        await officer.ClickAsync("[data-testid=review-start]");
        await officer.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/suppliers/reviews/\d+$"));
        await officer.Locator("[data-interactive=true]").WaitForAsync();
        foreach (var (item, score) in new[] { ("Certification", "90"), ("Environment", "85"), ("Equipment", "80"), ("ProcessStandardisation", "78"), ("QcSystem", "88") })
        {
            await officer.FillAsync($"input[data-testid=score-{item}]", score);
            await officer.FillAsync($"input[data-testid=finding-{item}]", "現場符合要求");
        }

        await officer.ClickAsync("[data-testid=review-submit]");
        await Assertions.Expect(officer.Locator("[data-testid=review-status]").First).ToContainTextAsync("待判定");
        var reviewPath = new Uri(officer.Url).AbsolutePath;
        await officer.Context.CloseAsync();

        var head = await AsAsync("supplier.lead@example.com");
        await BrowserFixture.GotoInteractiveAsync(head, reviewPath);
        await Assertions.Expect(head.Locator("[data-testid=review-recommendation]")).ToContainTextAsync("84.2");
        await head.ClickAsync("[data-testid=verdict-submit]");
        await Assertions.Expect(head.Locator("[data-testid=review-supplier-status]")).ToHaveTextAsync("合格");
        await Screenshot(head, "first-month-supplier-qualified");
        await head.Context.CloseAsync();
        return supplierPath;
    }

    /// <summary>The officer adds a product; the inspector pre-inspects a sample on the 70-item checklist and the QA manager confirms.</summary>
    private async Task CreateAndPreInspectProductAsync()
    {
        var officer = await AsAsync("officer@example.com");
        await BrowserFixture.GotoInteractiveAsync(officer, "/products");
        await officer.ClickAsync("[data-testid=product-new]");
        await PickAsync(officer, "input[data-testid=product-supplier]", "新竹好食品");
        await officer.FillAsync("input[data-testid=product-name]", ProductName);
        await officer.FillAsync("input[data-testid=product-price]", "680");
        await officer.Locator("input[data-testid=product-price]").BlurAsync();
        await officer.ClickAsync("[data-testid=product-save]");
        await Assertions.Expect(officer.Locator(".mud-dialog")).ToHaveCountAsync(0);
        // Not listed before its sample pre-inspection passes.
        await Assertions.Expect(officer.Locator("[data-testid=product-table] tbody tr", new() { HasText = ProductName }).First).ToContainTextAsync("待上架");
        await Screenshot(officer, "first-month-product-created");
        await officer.Context.CloseAsync();

        var inspector = await AsAsync("inspector@example.com");
        await BrowserFixture.GotoInteractiveAsync(inspector, "/inspections/samples");
        await PickAsync(inspector, "input[data-testid=sample-product]", ProductName);
        await inspector.ClickAsync("[data-testid=sample-start-button]");
        await inspector.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/inspections/samples/\d+$"));
        await inspector.Locator("[data-interactive=true]").WaitForAsync();
        await inspector.ClickAsync("[data-testid=sample-rest-pass]");
        await Assertions.Expect(inspector.Locator("[data-testid=sample-progress]")).ToContainTextAsync("已填 70／70", new() { Timeout = 20_000 });
        await inspector.ClickAsync("[data-testid=sample-verdict-Pass]");
        await inspector.ClickAsync("[data-testid=sample-submit]");
        await Assertions.Expect(inspector.Locator("[data-testid=sample-status]")).ToHaveTextAsync("待主管確認");
        var samplePath = new Uri(inspector.Url).AbsolutePath;
        await inspector.Context.CloseAsync();

        var manager = await AsAsync("qa.lead@example.com");
        await BrowserFixture.GotoInteractiveAsync(manager, samplePath);
        await manager.ClickAsync("[data-testid=sample-confirm]");
        await Assertions.Expect(manager.Locator("[data-testid=sample-status]")).ToHaveTextAsync("已確認");
        await Screenshot(manager, "first-month-sample-confirmed");
        await manager.Context.CloseAsync();
    }

    /// <summary>The inspector receives the supplier's first lot and decides it on the sampling plan: accepted.</summary>
    private async Task InspectLotAsync(string supplierPath)
    {
        var inspector = await AsAsync("inspector@example.com");
        await BrowserFixture.GotoInteractiveAsync(inspector, "/inspections/lots/new");
        await PickAsync(inspector, "input[data-testid=new-supplier]", "新竹好食品");
        await PickAsync(inspector, "input[data-testid=new-product]", "新竹米粉");
        await inspector.FillAsync("input[data-testid=new-lot-number]", LotNumber);
        await inspector.FillAsync("input[data-testid=new-lot-size]", "1000");
        await inspector.Locator("input[data-testid=new-lot-size]").BlurAsync();
        await inspector.ClickAsync("[data-testid=new-save]");
        await inspector.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/inspections/lots/\d+$"));
        await inspector.Locator("[data-interactive=true]").WaitForAsync();
        await Screenshot(inspector, "first-month-lot-received");
        await Assertions.Expect(inspector.Locator("h1")).ToContainTextAsync(LotNumber);
        foreach (var cls in new[] { "Critical", "Major", "Minor" })
        {
            var field = inspector.Locator($"input[data-testid=defects-{cls}]");
            if (await field.CountAsync() > 0)
            {
                await field.FillAsync(cls == "Minor" ? "1" : "0");
                await field.BlurAsync();
            }
        }

        await inspector.ClickAsync("[data-testid=lot-decide]");
        await Assertions.Expect(inspector.Locator("[data-testid=lot-status]").First).ToHaveTextAsync("允收");
        await Screenshot(inspector, "first-month-lot-accepted");
        await inspector.Context.CloseAsync();
        _ = supplierPath;
    }

    /// <summary>Types into an autocomplete and picks the option the server-side search returns.</summary>
    private static async Task PickAsync(IPage page, string input, string text)
    {
        await page.Locator(input).PressSequentiallyAsync(text);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>First sign-in: no second factor yet, so administration is refused until the authenticator is set up.</summary>
    private async Task<IPage> SetUpAdministratorAsync()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, AdminEmail, AdminPassword);
        await page.GotoAsync("/admin/users");
        await Screenshot(page, "first-month-admin-without-2fa");
        await Assertions.Expect(page.Locator("[data-testid=access-denied-2fa]")).ToBeVisibleAsync();

        await page.GotoAsync("/Account/Manage/EnableAuthenticator");
        var key = (await page.Locator("[data-testid=shared-key]").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        await page.FillAsync("#code", Totp(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("[data-testid=verify-authenticator]");
        await Screenshot(page, "first-month-2fa");

        // Sign in again with the second factor: administration opens.
        await context.ClearCookiesAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", AdminEmail);
        await page.FillAsync("#password", AdminPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => url.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase));
        // A code is accepted once: wait for the next 30-second step so the code differs from the one just used.
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 == step)
        {
            await Task.Delay(500);
        }

        await page.FillAsync("#code", Totp(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("[data-testid=verify-2fa]");
        await page.WaitForURLAsync(url => !url.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase));
        await BrowserFixture.GotoInteractiveAsync(page, "/admin/users");
        await Assertions.Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync(AdminEmail);
        return page;
    }

    private static async Task InviteAsync(IPage admin, string email, string name, string role)
    {
        await BrowserFixture.GotoInteractiveAsync(admin, "/admin/users");
        await admin.ClickAsync("[data-testid=invite-user]");
        await admin.FillAsync("[data-testid=invite-email] input, input[data-testid=invite-email]", email);
        await admin.FillAsync("[data-testid=invite-name] input, input[data-testid=invite-name]", name);
        await admin.ClickAsync($"[data-testid=role-{role}] input, input[data-testid=role-{role}]");
        await admin.FillAsync("[data-testid=invite-password] input, input[data-testid=invite-password]", StaffPassword);
        await admin.ClickAsync("[data-testid=invite-submit]");
        await Assertions.Expect(admin.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("[data-testid=users-table]")).ToContainTextAsync(email);
    }

    /// <summary>A page signed in as a staff member; the sign-in runs once per person and its cookies are reused.</summary>
    private async Task<IPage> AsAsync(string email)
    {
        var context = await NewContextAsync(_states.GetValueOrDefault(email));
        var page = await context.NewPageAsync();
        if (!_states.ContainsKey(email))
        {
            await SignInAsync(page, email, StaffPassword);
            _states[email] = await context.StorageStateAsync();
        }

        return page;
    }

    private Task<IBrowserContext> NewContextAsync(string? state = null) =>
        _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _baseUrl,
            Locale = "zh-TW",
            ViewportSize = new() { Width = 1366, Height = 860 },
            StorageState = state,
        });

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    private static Task Screenshot(IPage page, string name) => BrowserFixture.ScreenshotAsync(page, name);

    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app computes it.</summary>
    private static string Totp(string base32Key, DateTimeOffset now)
    {
        var key = Base32(base32Key);
        var counter = now.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            value = (value << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
