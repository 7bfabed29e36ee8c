/*
 * Sensor log: a small C guest to try breakpoints, stepping and data breakpoints on.
 *
 * main() takes eight readings from two simulated sensors, files each one into a ring buffer and keeps
 * running statistics, then prints a summary and powers the machine off.
 *
 * Things to try (every breakpoint becomes a hardware breakpoint slot: watch the Debug Hardware view):
 *   - a breakpoint in record() (click the gutter left of the "s->count++" line), then Step Over;
 *   - a function breakpoint on read_sensor;
 *   - a data breakpoint on stats.max: right-click "max" under stats in the Variables view, or add one
 *     for the address of `stats` with the "Add Data Breakpoint at Address" action;
 *   - the Call Stack: main -> record while stopped in record().
 */
#include "support.h"

#define LOG_SIZE 4              /* smaller than the number of readings: the ring wraps */
#define READINGS 8

struct reading {
    uint32_t sensor;            /* 0 = inlet, 1 = outlet */
    int32_t millicelsius;
};

/* Running statistics: a good target for a data breakpoint (it changes only when a new extreme arrives). */
struct stats {
    uint32_t count;
    int32_t min;
    int32_t max;
    int64_t sum;
};

static struct reading ring[LOG_SIZE];
static uint32_t ring_next;
struct stats stats = { 0, INT32_MAX, INT32_MIN, 0 };

/* A deterministic "sensor": a linear congruential generator folded into 15.000..34.999 degrees. */
static int32_t read_sensor(uint32_t sensor, uint32_t tick)
{
    uint32_t x = tick * 1103515245u + 12345u + sensor * 7919u;
    int32_t noise = (int32_t)((x >> 8) % 20000u);
    return 15000 + noise;
}

/* Files a reading into the ring buffer, overwriting the oldest once the ring is full. */
static void log_reading(uint32_t sensor, int32_t value)
{
    ring[ring_next].sensor = sensor;
    ring[ring_next].millicelsius = value;
    ring_next = (ring_next + 1) % LOG_SIZE;
}

/* Updates the running statistics with one value. */
static void record(struct stats *s, int32_t value)
{
    s->count++;
    s->sum += value;
    if (value < s->min)
        s->min = value;
    if (value > s->max)
        s->max = value;
}

static void print_celsius(const char *label, int32_t mc)
{
    rt_printf("%s %d.%03d C\n", label, mc / 1000, mc % 1000);
}

int main(void)
{
    for (uint32_t tick = 0; tick < READINGS; tick++) {
        uint32_t sensor = tick & 1;
        int32_t value = read_sensor(sensor, tick);
        log_reading(sensor, value);
        record(&stats, value);
    }

    rt_printf("%u readings\n", stats.count);
    print_celsius("min", stats.min);
    print_celsius("max", stats.max);
    print_celsius("avg", (int32_t)(stats.sum / (int64_t)stats.count));
    return 0;
}
