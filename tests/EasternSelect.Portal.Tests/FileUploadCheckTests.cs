using EasternSelect.Data;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Casework;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Tests;

/// <summary>Uploads that used to be checked by extension only are now checked by content too.</summary>
public sealed class FileUploadCheckTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private static readonly byte[] Html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();

    [Fact]
    public async Task CreateSupplier_ContractIsHtmlNamedPdf_RefusedAndNothingSaved()
    {
        await using var scope = TestScopes.As(fixture.Factory.Services, Roles.SupplierOfficer, out SupplierEditService service);
        var taxId = TaxId.WithCheckDigit("8712345");
        var form = new SupplierForm
        {
            Name = "假契約測試有限公司",
            TaxId = taxId,
            Category = SupplierCategory.Food,
            CountryCode = "TW",
            ContactName = "王小明",
            ContactPhone = "0912345678",
            ContactEmail = "wang@example.com.tw",
            WarrantyMonths = 12,
        };

        var result = await service.CreateAsync(form, new UploadedFile("契約.pdf", Html), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(["File.ContentMismatch|契約.pdf"], result.Errors);
        using (new CultureScope("zh-TW"))
        {
            var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
            Assert.Equal(["契約.pdf：檔案內容與副檔名不符（例如改了副檔名的檔案），已拒收"], l.Messages(result));
        }

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await db.Suppliers.AnyAsync(s => s.TaxId == taxId));
        Assert.False(await db.Files.AnyAsync(f => f.FileName == "契約.pdf" && f.Length == Html.Length));
    }

    [Fact]
    public async Task ReadCaseFile_HtmlNamedPng_RefusedByContent()
    {
        var (file, error) = await CaseFiles.ReadAsync("receipt.png", Html.Length, new MemoryStream(Html), "客服 陳小姐", DateTime.UtcNow, CancellationToken.None);

        Assert.Null(file);
        Assert.Equal("File.ContentMismatch", error);
    }

    [Fact]
    public async Task ReadCaseFile_RealPng_StoredAsImage()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

        var (file, error) = await CaseFiles.ReadAsync("receipt.png", png.Length, new MemoryStream(png), "客服 陳小姐", DateTime.UtcNow, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal("image/png", file?.ContentType);
    }
}
