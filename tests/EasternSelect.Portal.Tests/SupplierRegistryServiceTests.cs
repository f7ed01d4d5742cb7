using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

public sealed class SupplierRegistryServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private static int _nextTaxSeed = 7_300_000;

    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task Create_DuplicateTaxId_ReturnsFriendlyMessageAndSavesNothing()
    {
        await using var scope = Scope(Roles.SupplierOfficer, out var db);
        var existing = await db.Suppliers.OrderBy(s => s.Id).Select(s => s.TaxId).FirstAsync();
        var before = await db.Suppliers.CountAsync();
        var service = scope.ServiceProvider.GetRequiredService<SupplierEditService>();

        var result = await service.CreateAsync(Form("重複統編公司", existing), null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Supplier.TaxIdTaken|" + existing, result.Errors);
        Assert.Equal(before, await db.Suppliers.CountAsync());
    }

    [Fact]
    public async Task Create_WarrantyUnderTwelveAndBadPhone_ReturnsMessagesNotExceptions()
    {
        await using var scope = Scope(Roles.SupplierOfficer, out _);
        var service = scope.ServiceProvider.GetRequiredService<SupplierEditService>();
        var form = Form("短保固公司", await FreeTaxIdAsync());
        form.WarrantyMonths = 6;
        form.ContactPhone = "12ab";

        var result = await service.CreateAsync(form, null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Supplier.WarrantyTooShort", result.Errors);
        Assert.Contains("Supplier.PhoneInvalid", result.Errors);
    }

    [Fact]
    public async Task Create_WithContract_SavesSupplierAndFileWithSha256Together()
    {
        await using var scope = Scope(Roles.SupplierOfficer, out var db);
        var service = scope.ServiceProvider.GetRequiredService<SupplierEditService>();
        var pdf = "%PDF-1.4 consignment contract"u8.ToArray();

        var result = await service.CreateAsync(Form("附契約公司", await FreeTaxIdAsync()), new UploadedFile("契約.pdf", pdf), CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var supplier = await db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == result.Id);
        var file = await db.Files.AsNoTracking().SingleAsync(f => f.Id == supplier.ContractFileId);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), file.Sha256);
        Assert.Equal("application/pdf", file.ContentType);
    }

    [Fact]
    public async Task Create_ContractOfWrongType_SavesNothing()
    {
        await using var scope = Scope(Roles.SupplierOfficer, out var db);
        var service = scope.ServiceProvider.GetRequiredService<SupplierEditService>();
        var taxId = await FreeTaxIdAsync();

        var result = await service.CreateAsync(Form("錯誤檔案公司", taxId), new UploadedFile("contract.docx", [1, 2, 3]), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(await db.Suppliers.AnyAsync(s => s.TaxId == taxId));
    }

    [Fact]
    public async Task Update_StaleVersion_ReturnsConflictAndKeepsTheFirstEdit()
    {
        int id;
        await using (var scope = Scope(Roles.SupplierOfficer, out _))
        {
            var created = await scope.ServiceProvider.GetRequiredService<SupplierEditService>().CreateAsync(Form("併發測試公司", await FreeTaxIdAsync()), null, CancellationToken.None);
            id = created.Id!.Value;
        }

        await using var first = Scope(Roles.SupplierOfficer, out _);
        await using var second = Scope(Roles.SupplierHead, out var db);
        var firstService = first.ServiceProvider.GetRequiredService<SupplierEditService>();
        var secondService = second.ServiceProvider.GetRequiredService<SupplierEditService>();
        var firstForm = (await firstService.GetFormAsync(id, CancellationToken.None))!;
        var secondForm = (await secondService.GetFormAsync(id, CancellationToken.None))!;

        firstForm.Address = "台北市內湖區瑞光路1號";
        var firstResult = await firstService.UpdateAsync(id, firstForm, null, CancellationToken.None);
        secondForm.Address = "新北市板橋區文化路2號";
        var secondResult = await secondService.UpdateAsync(id, secondForm, null, CancellationToken.None);

        Assert.True(firstResult.Succeeded);
        Assert.False(secondResult.Succeeded);
        Assert.True(secondResult.Conflict);
        Assert.Equal(Result.ConflictKey, secondResult.Errors.Single());
        Assert.Equal("台北市內湖區瑞光路1號", (await db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == id)).Address);
    }

    [Fact]
    public async Task ChangeStatus_UnderReviewToQualifiedByHand_IsRefusedAndSuspendNeedsReason()
    {
        await using var scope = Scope(Roles.SupplierHead, out var db);
        var service = scope.ServiceProvider.GetRequiredService<SupplierStatusService>();
        var id = (await scope.ServiceProvider.GetRequiredService<SupplierEditService>().CreateAsync(Form("狀態測試公司", await FreeTaxIdAsync()), null, CancellationToken.None)).Id!.Value;
        var version = await VersionAsync(db, id);

        var review = await service.ChangeStatusAsync(id, SupplierStatus.UnderReview, null, version, CancellationToken.None);
        var qualify = await service.ChangeStatusAsync(id, SupplierStatus.Qualified, "直接合格", await VersionAsync(db, id), CancellationToken.None);
        var terminate = await service.ChangeStatusAsync(id, SupplierStatus.Terminated, " ", await VersionAsync(db, id), CancellationToken.None);

        Assert.True(review.Succeeded);
        Assert.Equal(["Supplier.StatusChangeNotAllowed"], qualify.Errors);
        Assert.Equal(["Supplier.StatusReasonRequired"], terminate.Errors);
        Assert.Equal(SupplierStatus.UnderReview, (await db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == id)).Status);
        Assert.Single(await db.SupplierStatusChanges.AsNoTracking().Where(c => c.SupplierId == id).ToListAsync());
    }

    [Fact]
    public async Task Detail_AfterStatusChange_IsMaskedAndShowsTheChangeInTheTimeline()
    {
        await using var scope = Scope(Roles.SupplierOfficer, out var db);
        var editing = scope.ServiceProvider.GetRequiredService<SupplierEditService>();
        var id = (await editing.CreateAsync(Form("時間軸公司", await FreeTaxIdAsync()), null, CancellationToken.None)).Id!.Value;
        await scope.ServiceProvider.GetRequiredService<SupplierStatusService>().ChangeStatusAsync(id, SupplierStatus.UnderReview, "送審", await VersionAsync(db, id), CancellationToken.None);

        var detail = (await scope.ServiceProvider.GetRequiredService<SupplierDetailService>().GetAsync(id, CancellationToken.None))!;
        var revealed = await scope.ServiceProvider.GetRequiredService<SupplierContactService>().RevealContactAsync(id, CancellationToken.None);

        Assert.Equal("0912-***-678", detail.ContactPhone);
        Assert.Equal("0912345678", revealed!.Phone);
        Assert.Contains(detail.Timeline, t => t.Kind == TimelineKind.Status && t.Detail == "送審");
        var key = id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ViewPersonalData && a.EntityKey == key && a.Detail == "contact"));
    }

    [Fact]
    public async Task Import_OneBadRow_ImportsNothingAndReportsTheRowNumber()
    {
        await using var scope = Scope(Roles.SupplierOfficer, out var db);
        var good1 = await FreeTaxIdAsync();
        var good2 = await FreeTaxIdAsync();
        using var file = Workbook(
            Row("匯入甲公司", good1, "食品", "TW", 12),
            Row("匯入乙公司", good2, "BeautyHealth", "JP", 24),
            Row("匯入丙公司", "12345678", "不存在的類別", "TW", 6),
            Row("匯入丁公司", good1, "食品", "TW", 12));
        var service = scope.ServiceProvider.GetRequiredService<SupplierExcelService>();

        var result = await service.ImportAsync(file, "suppliers.xlsx", file.Length, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Imported);
        Assert.Contains(result.Errors, e => e.Row == 4 && e.Message.Contains("統一編號", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Row == 4 && e.Message.Contains("不存在的類別", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Row == 4 && e.Message.Contains("12 個月", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Row == 5 && e.Message.Contains("重複", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Errors, e => e.Row is 2 or 3);
        Assert.False(await db.Suppliers.AnyAsync(s => s.TaxId == good1 || s.TaxId == good2));
    }

    [Fact]
    public async Task Import_AllRowsGood_ImportsEveryRow()
    {
        await using var scope = Scope(Roles.SupplierOfficer, out var db);
        var taxIds = new[] { await FreeTaxIdAsync(), await FreeTaxIdAsync(), await FreeTaxIdAsync() };
        using var file = Workbook(
            Row("全數匯入一號", taxIds[0], "食品", "TW", 12),
            Row("全數匯入二號", taxIds[1], "Fashion Textiles".Replace(" ", string.Empty, StringComparison.Ordinal), "KR", 18),
            Row("全數匯入三號", taxIds[2], "珠寶精品", "TW", 36));
        var service = scope.ServiceProvider.GetRequiredService<SupplierExcelService>();

        var result = await service.ImportAsync(file, "suppliers.xlsx", file.Length, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row}: {e.Message}")));
        Assert.Equal(3, result.Imported);
        var imported = await db.Suppliers.AsNoTracking().Where(s => taxIds.Contains(s.TaxId)).ToListAsync();
        Assert.Equal(3, imported.Count);
        Assert.Equal(SupplierCategory.JewelleryLuxury, imported.Single(s => s.TaxId == taxIds[2]).Category);
        Assert.Equal("KR", imported.Single(s => s.TaxId == taxIds[1]).CountryCode);
    }

    [Fact]
    public async Task Import_NotAnXlsx_IsRefused()
    {
        await using var scope = Scope(Roles.SupplierOfficer, out _);
        using var stream = new MemoryStream([1, 2, 3]);

        var result = await scope.ServiceProvider.GetRequiredService<SupplierExcelService>().ImportAsync(stream, "suppliers.csv", 3, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Errors.Single().Row);
    }

    [Fact]
    public async Task Export_ProducesValidXlsxWithMaskedContactsOnly()
    {
        await using var scope = Scope(Roles.QaManager, out var db);
        var phones = await db.Suppliers.AsNoTracking().Where(s => s.Category == SupplierCategory.Food).Select(s => s.ContactPhone).ToListAsync();
        var service = scope.ServiceProvider.GetRequiredService<SupplierExcelService>();

        var bytes = await service.ExportAsync(new SupplierQuery(null, SupplierCategory.Food, null, SupplierSort.Name, false, 0, 25), CancellationToken.None);

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sharedEntry = zip.GetEntry("xl/sharedStrings.xml");
        var shared = sharedEntry is null ? [] : XDocument.Load(sharedEntry.Open()).Descendants(ns + "si").Select(si => string.Concat(si.Descendants(ns + "t").Select(t => t.Value))).ToList();
        var inline = sheet.Descendants(ns + "is").Select(i => string.Concat(i.Descendants(ns + "t").Select(t => t.Value)));
        var texts = shared.Concat(inline).ToList();
        var rows = sheet.Descendants(ns + "sheetData").Single().Elements(ns + "row").ToList();

        Assert.Equal(phones.Count + 1, rows.Count);
        // ClosedXML 0.95 writes "frozenSplit", which Excel shows as frozen panes.
        Assert.True(sheet.Descendants(ns + "pane").Any(p => ((string?)p.Attribute("state"))?.StartsWith("frozen", StringComparison.Ordinal) == true && (string?)p.Attribute("ySplit") == "1"), sheet.Descendants(ns + "sheetView").FirstOrDefault()?.ToString());
        Assert.Contains(texts, t => t.Contains("-***-", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => phones.Contains(t));
        Assert.All(phones, p => Assert.DoesNotContain(p, sheet.ToString(), StringComparison.Ordinal));
        // Warranty months and volume are numbers, not text.
        var volumeCell = rows[1].Elements(ns + "c").Single(c => ((string)c.Attribute("r")!).StartsWith('K'));
        Assert.Contains((string?)volumeCell.Attribute("t") ?? "n", new[] { "n" });
        Assert.True(decimal.TryParse(volumeCell.Element(ns + "v")!.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "Supplier"));

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(phones.Count + 1, workbook.Worksheet(1).LastRowUsed()!.RowNumber());
    }

    [Fact]
    public async Task Template_CanBeReadBackAndHasTheExampleRow()
    {
        await using var scope = Scope(Roles.SupplierHead, out _);

        var bytes = await scope.ServiceProvider.GetRequiredService<SupplierExcelService>().TemplateAsync();

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal("04595257", workbook.Worksheet(1).Cell(2, 2).GetFormattedString());
    }

    [Fact]
    public async Task Product_CreateThenDelistWithoutReasonThenWithReasonThenRelist_FollowsTheRules()
    {
        await using var scope = Scope(Roles.SupplierOfficer, out var db);
        var products = scope.ServiceProvider.GetRequiredService<EasternSelect.Portal.Features.Suppliers.Products.ProductEditService>();
        var supplier = (await scope.ServiceProvider.GetRequiredService<EasternSelect.Portal.Components.Shared.PickerService>()
            .SuppliersAsync(Policies.SupplierManage, "1", EasternSelect.Data.Queries.SupplierPickFilter.All, CancellationToken.None)).First();
        var negative = await products.SaveAsync(null, new EasternSelect.Portal.Features.Suppliers.Products.ProductForm { Name = "負價商品", Supplier = supplier, Price = -1m }, CancellationToken.None);
        var created = await products.SaveAsync(null, new EasternSelect.Portal.Features.Suppliers.Products.ProductForm { Name = "測試保溫瓶", Supplier = supplier, Price = 990m }, CancellationToken.None);
        var id = created.Id!.Value;
        Task<Guid> Version() => db.Products.AsNoTracking().Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
        Assert.Equal(ListingStatus.Pending, (await db.Products.AsNoTracking().SingleAsync(p => p.Id == id)).ListingStatus);
        await using (TestScopes.As(_services, Roles.QaManager, out EasternSelect.Portal.Features.Suppliers.Products.ProductEditService qaManager))
        {
            // A new product is pending until its pre-inspection passes; the QA manager's exception lists it here.
            Assert.True((await qaManager.ListByExceptionAsync(id, "測試：例外上架", await Version(), CancellationToken.None)).Succeeded);
        }


        var noReason = await products.DelistAsync(id, " ", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Unspecified), await Version(), CancellationToken.None);
        var stale = await products.DelistAsync(id, "品質異常", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Unspecified), Guid.NewGuid(), CancellationToken.None);
        var delisted = await products.DelistAsync(id, "品質異常", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Unspecified), await Version(), CancellationToken.None);
        var afterDelist = await db.Products.AsNoTracking().SingleAsync(p => p.Id == id);
        var relisted = await products.RelistAsync(id, await Version(), CancellationToken.None);
        var afterRelist = await db.Products.AsNoTracking().SingleAsync(p => p.Id == id);

        Assert.False(negative.Succeeded);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        Assert.Matches("^P[0-9]{7}$", afterDelist.Sku);
        Assert.Equal(["Product.DelistReasonRequired"], noReason.Errors);
        Assert.True(stale.Conflict);
        Assert.True(delisted.Succeeded);
        Assert.Equal(ListingStatus.Delisted, afterDelist.ListingStatus);
        Assert.Equal("品質異常", afterDelist.DelistingReason);
        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), afterDelist.DelistedUtc);
        Assert.True(relisted.Succeeded);
        Assert.Equal(ListingStatus.Listed, afterRelist.ListingStatus);
        Assert.Null(afterRelist.DelistingReason);
    }

    private static SupplierForm Form(string name, string taxId) => new()
    {
        Name = name,
        TaxId = taxId,
        Category = SupplierCategory.Food,
        CountryCode = "TW",
        ContactName = "王小明",
        ContactPhone = "0912345678",
        ContactEmail = "wang@example.com.tw",
        WarrantyMonths = 12,
    };

    private static object[] Row(string name, string taxId, string category, string country, int warranty) =>
        [name, taxId, category, country, "台北市中山區南京東路1號", "陳大文", "0922333444", "chen@example.com", warranty, 1_000_000, "2026-01-01", "2027-01-01"];

    private static MemoryStream Workbook(params object[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("供應商");
        for (var c = 1; c <= 12; c++)
        {
            sheet.Cell(1, c).SetValue(string.Create(CultureInfo.InvariantCulture, $"H{c}"));
        }

        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                if (rows[r][c] is int number)
                {
                    cell.Value = number;
                }
                else
                {
                    cell.SetValue((string)rows[r][c]);
                }
            }
        }

        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private async Task<string> FreeTaxIdAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        while (true)
        {
            var candidate = TaxId.WithCheckDigit(Interlocked.Increment(ref _nextTaxSeed).ToString(CultureInfo.InvariantCulture));
            if (!await db.Suppliers.AnyAsync(s => s.TaxId == candidate))
            {
                return candidate;
            }
        }
    }

    private static Task<Guid> VersionAsync(PortalDbContext db, int id) =>
        db.Suppliers.AsNoTracking().Where(s => s.Id == id).Select(s => s.Version).SingleAsync();

    private AsyncServiceScope Scope(string role, out PortalDbContext db)
    {
        var email = role switch
        {
            Roles.SupplierOfficer => "supplier.officer@demo.local",
            Roles.SupplierHead => "supplier.head@demo.local",
            _ => "qa.manager@demo.local",
        };
        var scope = TestScopes.As(_services, role, TestScopes.UserId(_services, email), email);
        db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return scope;
    }
}
