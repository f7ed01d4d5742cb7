using System.Globalization;
using MudBlazor;

namespace EasternSelect.Portal.Features.Dashboard;

public static class DashboardCharts
{
    /// <summary>Short month labels (yy/MM) so twelve fit under a half-width chart.</summary>
    public static string[] Labels(IEnumerable<DateOnly> months) => [.. months.Select(m => m.ToString("yy/MM", CultureInfo.InvariantCulture))];

    public static ChartSeries<double> Series(string name, IEnumerable<double> values) => new() { Name = name, Data = new ChartData<double>([.. values]) };
}
