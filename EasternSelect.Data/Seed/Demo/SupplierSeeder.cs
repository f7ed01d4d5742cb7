using System.Globalization;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>
/// Realistic zh-TW suppliers and products from a fixed random seed: the same data on every machine.
/// Demo scale is a few hundred suppliers; full scale is the seed report's 6,601 suppliers and 580,000 products.
/// </summary>
public sealed class SupplierSeeder : IDemoSeeder
{
    public sealed record Scale(int Suppliers, int Products)
    {
        public static readonly Scale Demo = new(320, 4_000);
        public static readonly Scale Full = new(6_601, 580_000);
    }

    private const int BatchSize = 5_000;

    private static readonly string[] Surnames = ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "郭", "洪", "曾", "邱", "廖", "賴", "周"];
    private static readonly string[] GivenNames = ["志明", "淑芬", "美玲", "家豪", "怡君", "建宏", "雅婷", "俊傑", "宗翰", "佩珊", "冠宇", "欣怡", "承恩", "詩涵", "文雄", "秀英", "育成", "惠雯", "信宏", "筱涵"];
    private static readonly string[] NamePrefixes = ["永信", "大江", "華陀", "精華", "正隆", "毛寶", "康那", "台鹽", "聯華", "長榮", "鼎新", "宏昌", "建昇", "金瑞", "富邦", "晶華", "上好", "東昇", "新光", "德成", "和泰", "佳美", "寶島", "福爾", "安心", "日月", "合興", "嘉農", "信義", "誠品"];
    private static readonly string[] Suffixes = ["股份有限公司", "有限公司", "企業社", "實業股份有限公司", "國際有限公司"];

    private static readonly Dictionary<SupplierCategory, (string Trade, string[] Items)> Catalogue = new()
    {
        [SupplierCategory.BeautyHealth] = ("生技", ["膠原蛋白飲", "益生菌", "葉黃素膠囊", "玻尿酸精華液", "保濕面膜", "魚油軟膠囊", "維他命C發泡錠", "防曬乳"]),
        [SupplierCategory.Food] = ("食品", ["即食雞湯", "牛肉麵調理包", "鳳梨酥禮盒", "滴雞精", "冷凍水餃", "烏魚子", "年菜佛跳牆", "有機糙米"]),
        [SupplierCategory.ElectronicsAppliances] = ("電器", ["變頻冷氣", "55吋液晶電視", "滾筒洗衣機", "雙門冰箱", "筆記型電腦", "除濕機", "空氣清淨機", "掃地機器人"]),
        [SupplierCategory.LeisureSmallAppliances] = ("家電", ["氣炸鍋", "電動按摩椅", "吸塵器", "電烤盤", "果汁機", "露營帳篷", "行李箱", "電熱毯"]),
        [SupplierCategory.FashionTextiles] = ("紡織", ["涼感被", "羽絨外套", "機能內衣", "真絲圍巾", "彈性牛仔褲", "記憶枕", "休閒鞋", "皮革托特包"]),
        [SupplierCategory.JewelleryLuxury] = ("珠寶", ["黃金項鍊", "鑽石戒指", "珍珠耳環", "機械腕錶", "翡翠手鐲", "純銀手鍊", "紅寶石墜子", "名牌皮夾"]),
    };

    private static readonly string[] OverseasCountries = ["JP", "KR", "US", "ES", "PE"];

    public string Name => "demo suppliers and products";

    public static async Task<bool> HasSuppliersAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Suppliers.AnyAsync(ct);

    public Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct) => HasSuppliersAsync(db, ct);

    public Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct) => SeedAsync(db, Scale.Demo, clock, progress: null, ct);

    /// <summary>Adds the scale's suppliers and products in batches, reporting progress as (done, total) rows.</summary>
    public static async Task SeedAsync(PortalDbContext db, Scale scale, TimeProvider clock, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var random = new Random(2020);
        var total = scale.Suppliers + scale.Products;
        db.AuditSuppressed = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var categories = Enum.GetValues<SupplierCategory>();
        var supplierIds = new List<(int Id, SupplierCategory Category)>(scale.Suppliers);
        var batch = new List<Supplier>(BatchSize);
        for (var i = 0; i < scale.Suppliers; i++)
        {
            batch.Add(NewSupplier(random, i, categories[i % categories.Length]));
            if (batch.Count == BatchSize || i == scale.Suppliers - 1)
            {
                db.Suppliers.AddRange(batch);
                await db.SaveChangesAsync(ct);
                supplierIds.AddRange(batch.Select(s => (s.Id, s.Category)));
                db.ChangeTracker.Clear();
                batch.Clear();
                progress?.Report((supplierIds.Count, total));
            }
        }

        var products = new List<Product>(BatchSize);
        for (var i = 0; i < scale.Products; i++)
        {
            var (supplierId, category) = supplierIds[random.Next(supplierIds.Count)];
            products.Add(NewProduct(random, i, supplierId, category));
            if (products.Count == BatchSize || i == scale.Products - 1)
            {
                db.Products.AddRange(products);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                products.Clear();
                progress?.Report((scale.Suppliers + i + 1, total));
            }
        }

        await SeedAudit.WriteAsync(db, clock, nameof(Supplier),
            string.Create(CultureInfo.InvariantCulture, $"Seeded {scale.Suppliers} suppliers and {scale.Products} products."), ct);
    }

    private static Supplier NewSupplier(Random random, int index, SupplierCategory category)
    {
        // 97.3% local procurement, as in the seed report.
        var local = random.NextDouble() < 0.973;
        var contact = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
        var name = NamePrefixes[random.Next(NamePrefixes.Length)] + Catalogue[category].Trade + Suffixes[random.Next(Suffixes.Length)];
        return new Supplier
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"{name[..2]}{index + 1:D4}{name[2..]}"),
            TaxId = TaxId.WithCheckDigit((1_000_000 + (index * 1_361 % 8_999_999)).ToString("D7", CultureInfo.InvariantCulture)),
            Category = category,
            CountryCode = local ? "TW" : OverseasCountries[random.Next(OverseasCountries.Length)],
            Status = random.NextDouble() switch
            {
                < 0.86 => SupplierStatus.Qualified,
                < 0.92 => SupplierStatus.UnderReview,
                < 0.96 => SupplierStatus.Prospect,
                < 0.99 => SupplierStatus.Suspended,
                _ => SupplierStatus.Terminated,
            },
            Tier = random.NextDouble() switch
            {
                < 0.10 => SupplierTier.SelfInspection,
                < 0.45 => SupplierTier.A,
                < 0.85 => SupplierTier.B,
                _ => SupplierTier.C,
            },
            ContactName = contact,
            ContactPhone = string.Create(CultureInfo.InvariantCulture, $"09{random.Next(10, 100)}{random.Next(0, 1_000_000):D6}"),
            ContactEmail = string.Create(CultureInfo.InvariantCulture, $"contact{index + 1}@supplier{index + 1}.com.tw"),
            WarrantyMonths = random.NextDouble() < 0.8 ? 12 : 24,
            YearlyTransactionVolume = decimal.Round((decimal)(random.NextDouble() * 50_000_000), 2),
        };
    }

    private static Product NewProduct(Random random, int index, int supplierId, SupplierCategory category)
    {
        var items = Catalogue[category].Items;
        var delisted = random.NextDouble() < 0.04;
        return new Product
        {
            Sku = string.Create(CultureInfo.InvariantCulture, $"P{index + 1:D7}"),
            Name = string.Create(CultureInfo.InvariantCulture, $"{NamePrefixes[random.Next(NamePrefixes.Length)]} {items[random.Next(items.Length)]} {random.Next(1, 100)}型"),
            SupplierId = supplierId,
            Category = category,
            Channel = (SalesChannel)random.Next(3),
            Price = random.Next(199, 59_900) + 0.00m,
            ListingStatus = delisted ? ListingStatus.Delisted : ListingStatus.Listed,
            DelistingReason = delisted ? "法規更新：標示不符" : null,
            DelistedBy = delisted ? ListingSide.QualityAssurance : null,
            DelistedUtc = delisted ? new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 365)) : null,
            MonthlyUnitsSold = random.Next(0, 2_000),
        };
    }
}
