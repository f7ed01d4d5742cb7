using System.Globalization;
using MudBlazor;

namespace EasternSelect.Portal.Features.Dashboard;

public static class DashboardCharts
{
    /// <summary>Short month labels (yy/MM) so twelve fit under a half-width chart.</summary>
    public static string[] Labels(IEnumerable<DateOnly> months) => [.. months.Select(m => m.ToString("yy/MM", CultureInfo.InvariantCulture))];

    /// <summary>A percentage line: ticks every 1% (or 10% above 20), so a 3% target and 1% values do not sit on the floor of a 0–20 axis.</summary>
    public static LineChartOptions Percent(double max) => new() { YAxisTicks = max > 20 ? 10 : 1, MaxNumYAxisTicks = 12, ShowDataMarkers = true };

    public static ChartSeries<double> Series(string name, IEnumerable<double> values) => new() { Name = name, Data = new ChartData<double>([.. values]) };
}
