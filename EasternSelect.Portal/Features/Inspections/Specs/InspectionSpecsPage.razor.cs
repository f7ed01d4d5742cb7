using System.Globalization;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EasternSelect.Portal.Features.Inspections.Specs;

public partial class InspectionSpecsPage
{
    private sealed class ItemEdit
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
        public DefectClass DefectClass { get; set; } = DefectClass.Major;
        public string? Method { get; set; }
        public string? Regulation { get; set; }
    }

    /// <summary>The category to open, e.g. /inspections/specs?category=Food (links and bookmarks).</summary>
    [SupplyParameterFromQuery(Name = "category")]
    public string? CategoryParameter { get; set; }

    private SupplierCategory _category = SupplierCategory.Food;
    private ChecklistVersionView? _view;
    private IReadOnlyList<ChecklistVersionRow> _history = [];
    private int _latestNumber;
    private DefectClass? _filter;

    private bool _editing;
    private bool _tried;
    private bool _saving;
    private List<ItemEdit> _edits = [];
    private string? _whatChanged;
    private string? _reason;
    private DateTime? _effective;
    private List<string> _errors = [];

    private bool _showAffected;
    private MudTable<AffectedProductRow>? _affectedTable;
    private string? _keyword;
    private string? _delistReason;
    private HashSet<AffectedProductRow> _selected = [];

    private IEnumerable<ChecklistItemRow> FilteredItems => _view is null ? [] : _view.Items.Where(i => _filter is null || i.DefectClass == _filter);

    protected override Task OnInitializedAsync()
    {
        if (Enum.TryParse<SupplierCategory>(CategoryParameter, ignoreCase: true, out var category) && Enum.IsDefined(category))
        {
            _category = category;
        }

        return LoadAsync(null);
    }

    private static Color ColorOf(DefectClass d) => d switch
    {
        DefectClass.Critical => Color.Error,
        DefectClass.Major => Color.Warning,
        _ => Color.Default,
    };

    private async Task LoadAsync(int? number)
    {
        _history = await Service.ListVersionsAsync(_category, CancellationToken.None);
        _latestNumber = _history.Count > 0 ? _history.Max(h => h.Number) : 0;
        _view = await Service.GetVersionAsync(_category, number, CancellationToken.None);
    }

    private async Task CategoryChangedAsync(SupplierCategory category)
    {
        _category = category;
        _filter = null;
        _showAffected = false;
        _selected = [];
        await LoadAsync(null);
    }

    private Task ShowVersionAsync(int number) => LoadAsync(number);

    private async Task StartEditAsync()
    {
        // Edits always start from the latest version.
        await LoadAsync(null);
        _edits = _view!.Items.Select(i => new ItemEdit { Code = i.Code, Title = i.Title, DefectClass = i.DefectClass, Method = i.Method, Regulation = i.RegulationReference }).ToList();
        _whatChanged = null;
        _reason = null;
        _effective = Time.TaipeiToday().ToDateTime(TimeOnly.MinValue);
        _errors = [];
        _tried = false;
        _showAffected = false;
        _editing = true;
    }

    private void AddItem() => _edits.Add(new ItemEdit());

    private void CancelEdit()
    {
        _editing = false;
        _errors = [];
    }

    private async Task SaveChangeAsync()
    {
        _tried = true;
        _saving = true;
        try
        {
            var items = _edits.Select(e => new ChecklistItemDraft(e.Code ?? string.Empty, e.Title ?? string.Empty, e.DefectClass, e.Method ?? string.Empty, e.Regulation)).ToList();
            var effective = DateOnly.FromDateTime(_effective ?? Time.TaipeiToday().ToDateTime(TimeOnly.MinValue));
            var result = await Service.RecordChangeAsync(new SpecChangeRequest(_category, _view!.TemplateId, items, _whatChanged, _reason, effective), CancellationToken.None);
            if (!result.Result.Succeeded)
            {
                _errors = L.Messages(result.Result);
                return;
            }

            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, L["Specs.ChangeSaved"], result.NewVersionNumber), Severity.Success);
            _editing = false;
            _delistReason = string.Format(CultureInfo.CurrentCulture, L["Specs.DelistReasonDefault"], _reason?.Trim());
            await LoadAsync(null);
            OpenAffected();
        }
        finally
        {
            _saving = false;
        }
    }

    private void OpenAffected()
    {
        _selected = [];
        _keyword = null;
        _showAffected = true;
    }

    private async Task<TableData<AffectedProductRow>> LoadAffectedAsync(TableState state, CancellationToken ct)
    {
        var result = await Service.AffectedProductsAsync(_category, _keyword, state.Page, state.PageSize, ct);
        return new TableData<AffectedProductRow> { Items = result.Items, TotalItems = result.Total };
    }

    private async Task ReloadAffectedAsync()
    {
        if (_affectedTable is not null)
        {
            await _affectedTable.ReloadServerData();
        }
    }

    private async Task DelistAsync()
    {
        _saving = true;
        try
        {
            var result = await Service.DelistAsync(_category, _selected.Select(p => p.Id).ToList(), _delistReason, CancellationToken.None);
            if (!result.Result.Succeeded)
            {
                Snackbar.Add(string.Join(" ", L.Messages(result.Result)), Severity.Error);
                return;
            }

            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, L["Specs.Delisted"], result.Delisted), Severity.Success);
            _selected = [];
            await ReloadAffectedAsync();
        }
        finally
        {
            _saving = false;
        }
    }
}
