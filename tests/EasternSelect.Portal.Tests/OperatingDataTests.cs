using System.Net;
using ClosedXML.Excel;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Operations;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Imports.OperatingData;
using EasternSelect.Portal.Features.Settings.KpiTargets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>The operating-data import, the figures it feeds and the KPI targets, over months (2013–2015) the demo never seeds.</summary>
public sealed class OperatingDataTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task Import_ValidWorkbook_StoresRows()
    {
        var (sku, taxId, productId, supplierId) = await AddProductAsync("T-OPS-VALID");

        var outcome = await ImportAsync(Workbook([[sku, 2013, 3, 400, 6, 10, 380]], [[taxId, 2013, 1_200_000, "Y"]]));

        Assert.True(outcome.Result.Succeeded, string.Join(",", outcome.RowErrors.Select(e => e.Error)));
        Assert.Equal((1, 1, 0), (outcome.ProductRows, outcome.SupplierRows, outcome.Replaced));
        await using var db = Db();
        var row = await db.ProductMonthlyOperatingData.SingleAsync(d => d.ProductId == productId);
        Assert.Equal((new DateOnly(2013, 3, 1), 400, 6, 10, 380), (row.Month, row.UnitsShipped, row.UnitsReturnedQuality, row.UnitsReturnedOther, row.UnitsSold));
        var volume = await db.SupplierYearlyVolumes.SingleAsync(v => v.SupplierId == supplierId);
        Assert.Equal((2013, 1_200_000m, true), (volume.Year, volume.TransactionVolume, volume.IsLocal));
    }

    [Fact]
    public async Task Import_OneBadRow_RejectsAllWithItsRowNumber()
    {
        var (sku, _, productId, _) = await AddProductAsync("T-OPS-BAD");
        var (other, _, otherId, _) = await AddProductAsync("T-OPS-BAD2");

        // Row 3: 30 + 80 returned of 100 shipped.
        var outcome = await ImportAsync(Workbook([[sku, 2014, 1, 100, 1, 1, 90], [other, 2014, 1, 100, 30, 80, 90]], []));

        Assert.False(outcome.Result.Succeeded);
        var error = Assert.Single(outcome.RowErrors);
        Assert.Equal((1, 3, "OperatingImport.ReturnsOverShipped"), (error.Sheet, error.Row, error.Error));
        await using var db = Db();
        Assert.False(await db.ProductMonthlyOperatingData.AnyAsync(d => d.ProductId == productId || d.ProductId == otherId));
    }

    [Fact]
    public async Task Import_SameMonthAgain_ReplacesItAndWritesAnAuditRow()
    {
        var (sku, _, productId, _) = await AddProductAsync("T-OPS-AGAIN");
        Assert.True((await ImportAsync(Workbook([[sku, 2015, 5, 100, 1, 2, 95]], []))).Result.Succeeded);

        var again = await ImportAsync(Workbook([[sku, 2015, 5, 120, 0, 3, 118]], []));

        Assert.True(again.Result.Succeeded);
        Assert.Equal(1, again.Replaced);
        await using var db = Db();
        var row = await db.ProductMonthlyOperatingData.SingleAsync(d => d.ProductId == productId);
        Assert.Equal((120, 118), (row.UnitsShipped, row.UnitsSold));
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(ProductMonthlyOperatingData) && a.EntityKey == "2015-05").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.Equal("qa.manager", audit[1].UserName);
        Assert.Contains("replaced 1", audit[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductComplaintRate_TwoComplaintsOver400Units_IsHalfPercent()
    {
        var (_, _, productId, supplierId) = await AddProductAsync("T-OPS-RATE");
        await using (var db = Db())
        {
            db.ProductMonthlyOperatingData.Add(new ProductMonthlyOperatingData { ProductId = productId, Month = new DateOnly(2013, 7, 1), UnitsShipped = 400, UnitsSold = 400 });
            var category = await db.ComplaintCategories.Select(c => c.Id).FirstAsync();
            // 2013-07-01 02:00 UTC and 2013-07-31 10:00 UTC are both in Taipei's July.
            db.Complaints.AddRange(Complaint("T-OPS-C1", category, productId, new DateTime(2013, 7, 1, 2, 0, 0, DateTimeKind.Utc)),
                Complaint("T-OPS-C2", category, productId, new DateTime(2013, 7, 31, 10, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }

        await using var read = Db();
        var product = Assert.Single(await OperatingFigures.ProductComplaintRatesAsync(read, new DateOnly(2013, 7, 1), new DateOnly(2013, 7, 1), CancellationToken.None), r => r.Id == productId);
        var supplier = Assert.Single(await OperatingFigures.SupplierComplaintRatesAsync(read, new DateOnly(2013, 7, 1), new DateOnly(2013, 7, 1), CancellationToken.None), r => r.Id == supplierId);

        Assert.Equal(0.5m, product.RatePercent);
        Assert.Equal(0.5m, supplier.RatePercent);
    }

    [Fact]
    public async Task LocalProcurement_UsesOnlyTheReportYear()
    {
        var (_, _, _, local) = await AddProductAsync("T-OPS-LOCAL");
        var (_, _, _, overseas) = await AddProductAsync("T-OPS-OVERSEAS");
        await using (var db = Db())
        {
            db.SupplierYearlyVolumes.AddRange(
                new SupplierYearlyVolume { SupplierId = local, Year = 2011, TransactionVolume = 300m, IsLocal = true },
                new SupplierYearlyVolume { SupplierId = overseas, Year = 2011, TransactionVolume = 100m, IsLocal = false },
                // Another year's volume must not count in 2011.
                new SupplierYearlyVolume { SupplierId = overseas, Year = 2012, TransactionVolume = 10_000m, IsLocal = false });
            await db.SaveChangesAsync();
        }

        await using var read = Db();
        var figures = await OperatingFigures.LocalProcurementAsync(read, 2011, CancellationToken.None);

        Assert.Equal((400m, 300m, 75.0m), (figures.Volume, figures.LocalVolume, figures.LocalSharePercent));
    }

    [Fact]
    public async Task Targets_YearWithoutTargets_UsesTheLatestEarlierYear()
    {
        await using (var scope = TestScopes.As(_services, Roles.QaManager, out KpiTargetService targets))
        {
            Assert.True((await targets.SaveAsync(new KpiTargetForm { Year = 2001, DefectPercent = 2.5m, ShortagePercent = 2m, ReturnPercent = 3m, NonQualityReturnPercent = 4m }, CancellationToken.None)).Succeeded);
            Assert.True((await targets.SaveAsync(new KpiTargetForm { Year = 2003, DefectPercent = 1.5m, ShortagePercent = 2m, ReturnPercent = 3m, NonQualityReturnPercent = 4m }, CancellationToken.None)).Succeeded);
            Assert.Equal(["KpiTargets.PercentRange"], (await targets.SaveAsync(new KpiTargetForm { Year = 2004, DefectPercent = 101m }, CancellationToken.None)).Errors);

            var applies = await targets.ForYearAsync(2002, CancellationToken.None);

            Assert.Equal((2001, 2.5m), (applies.SetInYear, applies.DefectPercent));
        }

        Assert.Equal(2003, KpiTarget.For(2005, [KpiTarget.Defaults(2001, "t"), KpiTarget.Defaults(2003, "t"), KpiTarget.Defaults(2007, "t")])!.Year);
        Assert.Null(KpiTarget.For(2000, [KpiTarget.Defaults(2001, "t")]));
    }

    [Theory]
    [InlineData("qa.inspector@demo.local", "/imports/operating-data")]
    [InlineData("supplier.head@demo.local", "/imports/operating-data")]
    [InlineData("cx.agent@demo.local", "/settings/kpi-targets")]
    [InlineData("merchandiser@demo.local", "/settings/kpi-targets")]
    [InlineData("qa.inspector@demo.local", "/imports/operating-data/template.xlsx")]
    public async Task Page_OtherRole_Returns403(string email, string path)
    {
        using var client = await fixture.Factory.SignedInClientAsync(email);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("qa.manager@demo.local", "/imports/operating-data")]
    [InlineData("executive@demo.local", "/settings/kpi-targets")]
    [InlineData("qa.manager@demo.local", "/imports/operating-data/template.xlsx")]
    public async Task Page_OwningRole_Returns200(string email, string path)
    {
        using var client = await fixture.Factory.SignedInClientAsync(email);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private PortalDbContext Db() => _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);

    private async Task<OperatingImportOutcome> ImportAsync(byte[] workbook)
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out OperatingDataImportService import, name: "qa.manager");
        using var stream = new MemoryStream(workbook);
        return await import.ImportAsync(stream, "ops.xlsx", stream.Length, CancellationToken.None);
    }

    private async Task<(string Sku, string TaxId, int ProductId, int SupplierId)> AddProductAsync(string sku)
    {
        await using var db = Db();
        var supplier = new Supplier
        {
            Name = "測試營運 " + sku, TaxId = TaxId.WithCheckDigit((8_000_000 + Math.Abs(sku.GetHashCode(StringComparison.Ordinal) % 900_000)).ToString("D7", System.Globalization.CultureInfo.InvariantCulture)),
            Category = SupplierCategory.Food, ContactName = "王小明", ContactPhone = "0912345678", ContactEmail = "ops@example.com",
        };
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        var product = new Product { Sku = sku, Name = "測試商品 " + sku, SupplierId = supplier.Id, Category = SupplierCategory.Food, Price = 100m };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (sku, supplier.TaxId, product.Id, supplier.Id);
    }

    private static Complaint Complaint(string number, int categoryId, int productId, DateTime openedUtc)
    {
        var complaint = new Complaint { Channel = ComplaintChannel.Phone, CustomerName = "王小明", CustomerPhone = "0912345678", CategoryId = categoryId, Description = "營運測試", ProductId = productId };
        complaint.Open(number, openedUtc, openedUtc.AddDays(7), null, new CaseActor(null, "test"));
        return complaint;
    }

    private static byte[] Workbook(object[][] products, object[][] suppliers)
    {
        using var workbook = new XLWorkbook();
        Fill(workbook.AddWorksheet("商品月資料"), products);
        Fill(workbook.AddWorksheet("供應商年資料"), suppliers);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Fill(IXLWorksheet sheet, object[][] rows)
    {
        sheet.Cell(1, 1).Value = "header";
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
                    cell.SetValue(Convert.ToString(rows[r][c], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
