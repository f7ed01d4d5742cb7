using System.Globalization;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Inspections;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace EasternSelect.Portal.Features.Inspections.SpotChecks;

public partial class SpotChecksPage
{
    private int _year;
    private int _month;

    /// <summary>Optional <c>?month=yyyy-MM</c> (the anomaly meeting links here) opens that month.</summary>
    [SupplyParameterFromQuery(Name = "month")]
    public string? MonthParam { get; set; }
    private bool _busy;
    private SpotCheckMonthView? _view;
    private IReadOnlyList<MonthSummary> _months = [];
    private IReadOnlyList<FlagRow> _flags = [];
    private Dictionary<int, CandidateEdit> _edits = [];
    private List<(ProductPick Product, string? Reason)> _added = [];
    private readonly Dictionary<int, ResultForm> _forms = [];
    private List<string> _messages = [];
    private ProductChoice? _addProduct;
    private string? _addReason;
    private ProductChoice? _flagProduct;
    private FlagModel _flag = new();
    private List<string> _flagErrors = [];

    protected override async Task OnInitializedAsync()
    {
        var now = Clock.TaipeiNow();
        _year = now.Year;
        _month = now.Month;
        if (DateOnly.TryParseExact(MonthParam, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var requested))
        {
            _year = requested.Year;
            _month = requested.Month;
        }

        _flag.Date = now.Date;
        _months = await Service.MonthsAsync(CancellationToken.None);
        _flags = await Flags.FlagsAsync(20, CancellationToken.None);
        await LoadAsync();
    }

    private async Task OpenAsync(DateOnly month)
    {
        _year = month.Year;
        _month = month.Month;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _messages = [];
        _added = [];
        _forms.Clear();
        if (_year is < 2000 or > 2100)
        {
            _messages = [L["SpotCheck.YearOutOfRange"]];
            return;
        }

        _view = await Service.GetMonthAsync(new DateOnly(_year, _month, 1), CancellationToken.None);
        _edits = _view.Candidates.ToDictionary(c => c.Product.Id, _ => new CandidateEdit());
    }

    private void AddManual()
    {
        _messages = [];
        if (_addProduct is null)
        {
            _messages = [L["Flag.ProductRequired"]];
        }
        else if (string.IsNullOrWhiteSpace(_addReason))
        {
            _messages = [L["SpotCheck.AddReasonRequired"]];
        }
        else if (_edits.ContainsKey(_addProduct.Id) || _added.Any(a => a.Product.Id == _addProduct.Id))
        {
            _messages = [L["SpotCheck.AlreadyOnList"]];
        }
        else
        {
            _added.Add((ProductPick.From(_addProduct), _addReason.Trim()));
            _addProduct = null;
            _addReason = null;
        }
    }

    private async Task ConfirmAsync()
    {
        _busy = true;
        var removals = _edits.Where(e => e.Value.Remove).Select(e => new Removal(e.Key, e.Value.Reason)).ToList();
        var additions = _added.Select(a => new Addition(a.Product.Id, a.Reason)).ToList();
        var result = await Service.ConfirmAsync(new DateOnly(_year, _month, 1), removals, additions, CancellationToken.None);
        _busy = false;
        if (!result.Succeeded)
        {
            _messages = L.Messages(result);
            return;
        }

        Snackbar.Add(L["SpotCheck.Confirmed"], Severity.Success);
        _months = await Service.MonthsAsync(CancellationToken.None);
        await LoadAsync();
    }

    private ResultForm FormFor(int itemId)
    {
        if (!_forms.TryGetValue(itemId, out var form))
        {
            _forms[itemId] = form = new ResultForm();
        }

        return form;
    }

    private async Task PickPhotoAsync(ResultForm form, IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        if (file.Size > FileSignature.MaxPhotoBytes)
        {
            _messages = [$"{file.Name}：{L["File.PhotoTooLarge"]}"];
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(FileSignature.MaxPhotoBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        form.Photo = new Upload(file.Name, buffer.ToArray());
    }

    private async Task RecordAsync(SpotCheckItemView item, ResultForm form)
    {
        _busy = true;
        var result = await Service.RecordResultAsync(item.Id, item.Version, form.Outcome, form.Findings, form.Photo is null ? [] : [form.Photo], CancellationToken.None);
        _busy = false;
        _messages = L.Messages(result);
        if (result.Succeeded)
        {
            Snackbar.Add(L["SpotCheck.Recorded"], Severity.Success);
            _forms.Remove(item.Id);
            _view = await Service.GetMonthAsync(_view!.Month, CancellationToken.None);
            _months = await Service.MonthsAsync(CancellationToken.None);
        }
    }

    private async Task AddFlagAsync()
    {
        _flag.ProductId = _flagProduct?.Id;
        var result = await Flags.AddFlagAsync(_flag, CancellationToken.None);
        _flagErrors = L.Messages(result);
        if (result.Succeeded)
        {
            Snackbar.Add(L["Flag.Added"], Severity.Success);
            _flag = new FlagModel { Date = Clock.TaipeiToday().ToDateTime(TimeOnly.MinValue) };
            _flagProduct = null;
            _flags = await Flags.FlagsAsync(20, CancellationToken.None);
            if (_view is { Confirmed: false })
            {
                await LoadAsync();
            }
        }
    }

    private sealed class CandidateEdit
    {
        public bool Remove { get; set; }

        public string? Reason { get; set; }
    }

    private sealed class ResultForm
    {
        public SpotCheckOutcome? Outcome { get; set; }

        public string? Findings { get; set; }

        public Upload? Photo { get; set; }
    }
}
