using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>
/// Reference data: version 1 of the 70-item quality checklist (70 項品管檢核) of every product category —
/// 50 shared items (標示、包裝、外觀、功能、安全與文件) and 20 of the category's own. Seeded in every mode.
/// </summary>
public static class ChecklistSeeder
{
    public const int BaselineItemCount = 70;

    public static readonly DateOnly BaselineEffectiveFrom = new(2020, 1, 1);

    public const string SeededBy = "system";

    // Each line: title | defect class (C/M/m) | method | regulation (optional).
    private static readonly string[] Core =
    [
        "商品名稱標示正確|M|目視|商品標示法 第9條",
        "製造商或進口商名稱、地址、電話標示|M|目視|商品標示法 第9條",
        "原產地（國）標示|M|目視|商品標示法 第9條",
        "中文標示清楚易讀、字體大小適當|M|目視|商品標示法 第6條",
        "內容物或成分標示與實物相符|M|比對|商品標示法 第9條",
        "數量、淨重或容量標示正確|M|量測|商品標示法 第9條",
        "使用方法及注意事項標示|M|目視|商品標示法 第10條",
        "製造日期、有效期限或批號標示|M|目視|商品標示法 第9條",
        "警告標示及緊急處理方法|C|目視|商品標示法 第10條",
        "標示無誇大不實或引人錯誤|M|文件審查|公平交易法 第21條",
        "條碼可正確掃描且與商品資料一致|m|掃描測試|",
        "標籤黏貼牢固、不易脫落|m|目視及手拉|",
        "外箱標示品名、數量、批號|m|目視|",
        "外箱無破損、受潮或變形|m|目視|",
        "內包裝密封完整|M|目視|",
        "包裝體積比及層數符合限制過度包裝規定|m|量測|限制產品過度包裝",
        "緩衝材足以保護商品|m|目視|",
        "包裝無尖銳邊角|M|目視及觸摸|",
        "塑膠袋窒息警語標示|M|目視|商品標示法 第10條",
        "包裝與核定樣品一致|M|比對|",
        "落下測試後商品無損壞|M|落下測試|ISTA 1A",
        "配件、說明書、保證書齊全|M|清點|",
        "外觀無刮傷、污損|m|目視|",
        "顏色與核定樣品一致|m|比色|",
        "無毛邊、缺料|m|目視|",
        "無裂痕、變形|M|目視|",
        "尺寸符合規格|M|量測|",
        "重量符合規格|m|量測|",
        "印刷清晰、無錯別字|m|目視|",
        "組裝緊密、無鬆脫|M|手感檢查|",
        "無異味|m|官能檢查|",
        "無異物或蟲害|C|目視|",
        "主要功能正常|M|功能測試|",
        "開關、按鍵作動正常|M|功能測試|",
        "性能與說明書宣稱一致|M|比對|",
        "耐用性抽測|m|功能測試|",
        "配件與主件相容|m|功能測試|",
        "附中文使用說明書|M|文件審查|商品標示法 第10條",
        "無可觸及的銳利邊緣或尖端|C|目視及觸摸|",
        "小零件窒息風險（兒童可接觸者）|C|量測|CNS 4797",
        "有害物質（重金屬、塑化劑）檢驗報告|C|文件審查|",
        "供應商出貨檢驗報告|M|文件審查|",
        "產品責任保險保單有效|M|文件審查|消費者保護法 第7條",
        "進口報單或來源證明|M|文件審查|",
        "批號可追溯至生產紀錄|M|文件審查|",
        "商品與節目、網頁、型錄呈現一致|M|比對|消費者保護法 第22條",
        "保固條件標示|m|文件審查|消費者保護法 第25條",
        "廣告宣稱具佐證資料|M|文件審查|公平交易法 第21條",
        "無仿冒或商標侵權疑慮|C|文件審查|商標法 第68條",
        "前次檢驗缺失已改善|M|文件審查|",
    ];

    private static readonly Dictionary<SupplierCategory, (string Prefix, string[] Items)> Specific = new()
    {
        [SupplierCategory.Food] = ("FD",
        [
            "食品業者登錄字號|C|文件審查|食品安全衛生管理法 第8條",
            "營養標示|M|目視|食品安全衛生管理法 第22條",
            "過敏原標示|C|目視|食品安全衛生管理法 第22條",
            "食品添加物名稱標示|M|目視|食品安全衛生管理法 第22條",
            "到貨時剩餘保存期限達三分之二以上|M|目視|",
            "保存條件及溫度標示|M|目視|食品安全衛生管理法 第22條",
            "冷凍（−18°C 以下）或冷藏（0–7°C）到貨溫度|C|溫度量測|食品良好衛生規範準則",
            "微生物檢驗（大腸桿菌群、生菌數）|C|實驗室檢驗|食品中微生物衛生標準",
            "農藥殘留檢驗|C|實驗室檢驗|農藥殘留容許量標準",
            "動物用藥殘留檢驗|C|實驗室檢驗|動物用藥殘留標準",
            "重金屬檢驗|C|實驗室檢驗|食品中污染物質及毒素衛生標準",
            "防腐劑、漂白劑使用限量|C|實驗室檢驗|食品添加物使用範圍及限量暨規格標準",
            "基因改造原料標示|M|文件審查|食品安全衛生管理法 第22條",
            "食品業者產品責任保險|M|文件審查|食品安全衛生管理法 第13條",
            "包材符合食品器具容器包裝衛生標準|M|文件審查|食品器具容器包裝衛生標準",
            "官能檢驗（色澤、氣味、口感）|M|官能檢查|",
            "真空包裝無漏氣、脹包|C|目視|",
            "肉品原料原產地標示|M|目視|食品安全衛生管理法 第22條",
            "無醫療效能宣稱|M|文件審查|食品安全衛生管理法 第28條",
            "工廠食品安全管制系統（HACCP）證明|M|文件審查|食品安全管制系統準則",
        ]),
        [SupplierCategory.ElectronicsAppliances] = ("EA",
        [
            "BSMI 商品檢驗標識|C|目視|商品檢驗法 第11條",
            "額定電壓、頻率、消耗功率標示|M|目視|商品檢驗法 第11條",
            "NCC 審驗合格標籤（具無線功能者）|C|目視|電信管理法 第65條",
            "耐電壓測試|C|儀器測試|CNS 62368-1",
            "洩漏電流測試|C|儀器測試|CNS 62368-1",
            "接地連續性|C|儀器測試|CNS 62368-1",
            "電源線及插頭規格|M|目視|CNS 690",
            "溫升測試|M|儀器測試|CNS 62368-1",
            "鋰電池安全檢驗證明|C|文件審查|CNS 15364",
            "電磁相容（EMC）測試報告|M|文件審查|CNS 13438",
            "RoHS 限用物質含有情況標示|M|目視|CNS 15663",
            "能源效率分級標示|M|目視|能源管理法 第14條",
            "開機及連續運轉測試|M|功能測試|",
            "遙控器及配件功能|m|功能測試|",
            "中文操作介面及軟體版本|m|功能測試|",
            "保固卡及維修據點資訊|m|文件審查|",
            "充電器規格相符並具 BSMI 標識|C|目視|商品檢驗法 第11條",
            "外殼耐燃等級|M|文件審查|CNS 62368-1",
            "開孔防觸電（測試指）|C|儀器測試|CNS 62368-1",
            "說明書安全警語|M|目視|商品標示法 第10條",
        ]),
        [SupplierCategory.LeisureSmallAppliances] = ("LS",
        [
            "小家電 BSMI 商品檢驗標識|C|目視|商品檢驗法 第11條",
            "小家電耐電壓測試|C|儀器測試|CNS 60335-1",
            "運動器材最大承重標示|M|目視|商品標示法 第10條",
            "承重測試（額定荷重 1.5 倍）|C|負重測試|",
            "結構焊點、螺絲鎖固|M|目視及扭力|",
            "夾手風險間隙|C|量測|",
            "防滑設計|M|功能測試|",
            "電熱器具過熱保護|C|功能測試|CNS 60335-1",
            "傾倒自動斷電|C|功能測試|CNS 60335-2-30",
            "運轉噪音值|m|量測|",
            "馬達連續運轉測試|M|功能測試|",
            "兒童用品警語（3 歲以下不宜）|M|目視|CNS 4797",
            "玩具 BSMI 標識|C|目視|商品檢驗法 第11條",
            "戶外用品防水等級|m|功能測試|",
            "折疊機構鎖定|M|功能測試|",
            "寢具、家具甲醛釋出量|M|實驗室檢驗|CNS 2215",
            "環境用藥許可證字號|M|文件審查|環境用藥管理法 第7條",
            "廚具材質（不鏽鋼等級）|M|文件審查及磁測|",
            "不沾塗層溶出試驗|C|實驗室檢驗|食品器具容器包裝衛生標準",
            "組裝說明圖示清楚|m|目視|",
        ]),
        [SupplierCategory.BeautyHealth] = ("BH",
        [
            "化粧品產品登錄|C|文件審查|化粧品衛生安全管理法 第4條",
            "產品資訊檔案（PIF）備妥|M|文件審查|化粧品衛生安全管理法 第8條",
            "化粧品全成分標示|M|目視|化粧品衛生安全管理法 第7條",
            "禁用成分檢驗|C|實驗室檢驗|化粧品禁止使用成分表",
            "限用成分含量（防腐劑等）|C|實驗室檢驗|化粧品中限用成分表",
            "重金屬（鉛、砷、汞、鎘）|C|實驗室檢驗|化粧品中不純物之限量",
            "微生物容許量|C|實驗室檢驗|化粧品微生物容許量基準",
            "特定用途化粧品許可證字號|C|文件審查|化粧品衛生安全管理法 第5條",
            "化粧品工廠 GMP 證明|M|文件審查|化粧品衛生安全管理法 第8條",
            "化粧品廣告不涉及醫療效能|M|文件審查|化粧品衛生安全管理法 第10條",
            "保存期限與批號|M|目視|化粧品衛生安全管理法 第7條",
            "使用注意事項與警語|M|目視|化粧品衛生安全管理法 第7條",
            "膏體性狀、顏色、氣味|m|官能檢查|",
            "按壓頭、噴頭作動|m|功能測試|",
            "健康食品許可字號|C|文件審查|健康食品管理法 第7條",
            "保健食品宣稱不涉療效|M|文件審查|食品安全衛生管理法 第28條",
            "醫療器材許可證字號|C|文件審查|醫療器材管理法 第25條",
            "醫療器材標籤及仿單|M|目視|醫療器材管理法 第32條",
            "防曬係數（SPF/PA）佐證|M|文件審查|",
            "原料安全資料表（SDS）|m|文件審查|",
        ]),
        [SupplierCategory.FashionTextiles] = ("FT",
        [
            "纖維成分及含量標示|M|目視|紡織品標示基準",
            "洗濯方法標示（洗標）|M|目視|紡織品標示基準",
            "尺寸標示|m|目視|紡織品標示基準",
            "紡織品原產地標示|M|目視|商品標示法 第9條",
            "甲醛含量|C|實驗室檢驗|CNS 15290",
            "偶氮染料（可分解芳香胺）|C|實驗室檢驗|CNS 15205",
            "pH 值|M|實驗室檢驗|CNS 15290",
            "水洗色牢度|M|實驗室檢驗|CNS 1494",
            "摩擦色牢度|m|實驗室檢驗|CNS 1499",
            "縫線強度、無脫線|M|拉力測試|",
            "拉鍊、鈕扣牢固度|M|拉力測試|",
            "嬰幼兒服飾頸部無細繩|C|量測|CNS 15290",
            "成衣尺寸與規格表一致（公差 ±2 cm）|M|量測|",
            "水洗縮率|m|實驗室檢驗|",
            "起毛球等級|m|實驗室檢驗|",
            "布面瑕疵（破洞、跳紗、污漬）|m|目視|",
            "車縫平整、左右對稱|m|目視|",
            "皮革製品材質標示|M|文件審查|商品標示法 第9條",
            "鞋類鞋面、鞋底材質標示|M|目視|鞋類商品標示基準",
            "金屬配件鎳釋出量|M|實驗室檢驗|",
        ]),
        [SupplierCategory.JewelleryLuxury] = ("JL",
        [
            "貴金屬成色標示（如 Au999.9、Pt950）|C|目視|商品標示法 第9條",
            "成色檢驗（X 射線螢光分析）|C|儀器測試|CNS 9416",
            "鑑定書與商品相符|C|比對|",
            "鑽石 4C 與證書一致|C|儀器測試|",
            "重量（公克、克拉）|M|精密秤量|",
            "寶石優化處理揭露|M|文件審查|公平交易法 第21條",
            "鑲嵌牢固無鬆動|M|放大鏡檢查|",
            "扣頭、鍊條強度|M|拉力測試|",
            "表面拋光無刮痕|m|放大鏡檢查|",
            "刻印清晰（品牌、成色）|m|放大鏡檢查|",
            "飾品鎳釋出量|M|實驗室檢驗|",
            "鉛、鎘含量|C|實驗室檢驗|",
            "名錶真品證明及序號|C|文件審查|商標法 第68條",
            "平行輸入精品來源證明|M|文件審查|",
            "手錶防水及走時精度|M|儀器測試|",
            "保證卡及購買證明|m|文件審查|",
            "原廠包裝盒、防塵袋|m|比對|",
            "戒圍、鍊長尺寸|m|量測|",
            "鑑定書防偽及線上查詢|M|文件審查|",
            "保全運送封條完整|M|目視|",
        ]),
    };

    /// <summary>The baseline items of a category, in order: 50 shared (QC-01…QC-50) and 20 of its own.</summary>
    public static IReadOnlyList<ChecklistItemDraft> Baseline(SupplierCategory category)
    {
        var (prefix, items) = Specific[category];
        return Core.Select((line, i) => Parse($"QC-{i + 1:00}", line))
            .Concat(items.Select((line, i) => Parse($"{prefix}-{i + 1:00}", line)))
            .ToList();
    }

    public static async Task<bool> HasTemplatesAsync(PortalDbContext db, CancellationToken ct) =>
        await db.ChecklistTemplates.AnyAsync(ct);

    public static async Task SeedAsync(PortalDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        // Reference data: one audit summary is enough, not 420 item rows.
        db.AuditSuppressed = true;
        foreach (var category in Enum.GetValues<SupplierCategory>())
        {
            db.ChecklistTemplates.Add(ChecklistTemplate.Create(category, Baseline(category), BaselineEffectiveFrom, SeededBy));
        }

        db.AuditEntries.Add(new AuditEntry
        {
            OccurredUtc = nowUtc,
            UserName = db.Actor.UserName,
            UserId = db.Actor.UserId,
            Action = AuditAction.Seed,
            EntityType = nameof(ChecklistTemplate),
            Detail = "Seeded version 1 of the 70-item baseline checklist for the six product categories.",
        });
        await db.SaveChangesAsync(ct);
        db.AuditSuppressed = false;
    }

    private static ChecklistItemDraft Parse(string code, string line)
    {
        var parts = line.Split('|');
        var defectClass = parts[1] switch
        {
            "C" => DefectClass.Critical,
            "M" => DefectClass.Major,
            _ => DefectClass.Minor,
        };
        return new ChecklistItemDraft(code, parts[0], defectClass, parts[2], parts[3].Length == 0 ? null : parts[3]);
    }
}
