using System.Diagnostics;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Inspections.Lots;
using EasternSelect.Portal.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>An interactive command while another connection holds the SQLite database: a busy Result, nothing saved, then it works.</summary>
public sealed class TransientDatabaseFailureTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    [Fact]
    public async Task ReceiveLot_DatabaseHeldExclusive_ReturnsBusyKeyQuicklyAndSavesNothing()
    {
        using var quick = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Database:SqliteBusyTimeoutSeconds", "1"));
        var services = quick.Services;
        var (supplierId, productId) = await AddSupplierWithProductAsync(services);
        await using var scope = TestScopes.As(services, Roles.QaInspector, out LotReceivingService receiving);
        var request = new NewLotRequest(supplierId, productId, "T-BUSY-0001", services.GetRequiredService<TimeProvider>().TaipeiToday(), 500, 0, InspectionLevel.II, "忙碌測試");

        Result busy;
        var watch = Stopwatch.StartNew();
        await using (var locker = new SqliteConnection($"Data Source={fixture.Factory.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            await using var hold = locker.CreateCommand();
            hold.CommandText = "BEGIN EXCLUSIVE;";
            await hold.ExecuteNonQueryAsync();
            busy = await receiving.ReceiveAsync(request, CancellationToken.None);
        }

        watch.Stop();
        var lotsWhileBusy = await CountLotsAsync(services, supplierId);
        var again = await receiving.ReceiveAsync(request, CancellationToken.None);

        Assert.False(busy.Succeeded);
        Assert.False(busy.Conflict);
        Assert.Equal(["Common.DatabaseBusy"], busy.Errors);
        // Two tries of a 1 s busy wait, not Microsoft.Data.Sqlite's default 30 s.
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
        Assert.Equal(0, lotsWhileBusy);
        Assert.True(again.Succeeded, string.Join(" ", again.Errors));
        Assert.Equal(1, await CountLotsAsync(services, supplierId));
    }

    private static async Task<(int SupplierId, int ProductId)> AddSupplierWithProductAsync(IServiceProvider services)
    {
        await using var db = services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
        var supplier = new Supplier
        {
            Name = "忙碌測試食品有限公司",
            TaxId = TaxId.WithCheckDigit("9500001"),
            Category = SupplierCategory.Food,
            ContactName = "陳小華",
            ContactPhone = "0912000111",
            ContactEmail = "busy@example.com",
        };
        var product = new Product { Sku = "BUSY-0001", Name = "忙碌測試 米餅", Supplier = supplier, Category = SupplierCategory.Food, Price = 199m };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (supplier.Id, product.Id);
    }

    private static async Task<int> CountLotsAsync(IServiceProvider services, int supplierId)
    {
        await using var db = services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
        return await db.IncomingLots.CountAsync(l => l.SupplierId == supplierId);
    }
}
