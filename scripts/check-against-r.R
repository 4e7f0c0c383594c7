#!/usr/bin/env Rscript
# Recomputes the published time-to-permanence figures with R's survival package and compares them
# with the pipeline's gold_time_to_permanence, figure by figure.
#
#   Rscript scripts/check-against-r.R SPELLS.csv GOLD.csv [TOLERANCE]
#
# SPELLS.csv: SELECT * FROM gold_cohort_spells; GOLD.csv: SELECT * FROM gold_time_to_permanence
# (both as `pace sql --format csv --limit 0` writes them; README, "Checking the figures with R").
# For each cohort (population, council and Scotland, cohort year, age band and all ages) it fits
# survfit(Surv(days, state) ~ 1, conf.type = "log-log") with state censored / permanence (any
# route) / left care, and reads at 730 and 1461 days the share reaching permanence (pstate), its
# std.err and interval, the shares who left care and still waiting; where R gives no interval it
# takes binom.test's exact interval when nobody was censored before the time, and none otherwise.
# The median and its limits are survival's own quantile rule (findq) on the incidence curve and on
# its upper and lower limits. The cause-specific Kaplan-Meier figures are checked too.
# Exit status: 0 when every figure agrees within TOLERANCE (default 1e-6) and every empty figure is
# R's NA; 1 otherwise, listing the differences.
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) {
  stop("usage: Rscript scripts/check-against-r.R SPELLS.csv GOLD.csv [TOLERANCE]")
}
tolerance <- if (length(args) >= 3) as.numeric(args[3]) else 1e-6
spells <- read.csv(args[1], stringsAsFactors = FALSE, na.strings = c("", "NA", "null"))
gold <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = c("", "NA", "null"))
scotland <- "S92000003"
findq <- survival:::findq
rtol <- sqrt(.Machine$double.eps)

everywhere <- rbind(spells, transform(spells, council = scotland))
everywhere <- rbind(everywhere, transform(everywhere, age_band = "all"))
everywhere <- everywhere[!is.na(everywhere$age_band), ]
groups <- split(everywhere, list(everywhere$population, everywhere$council, everywhere$cohort_year,
                                 everywhere$age_band), drop = TRUE, sep = "|")

at <- function(fit, t, column) {
  index <- max(c(0, which(fit$time <= t)))
  if (index == 0) return(if (column == "(s0)") 1 else 0)
  fit$pstate[index, match(column, fit$states)]
}
field <- function(fit, name, t, column) {
  index <- max(c(0, which(fit$time <= t)))
  if (index == 0) return(NA)
  fit[[name]][index, match(column, fit$states)]
}

figures <- function(g) {
  n <- nrow(g)
  state <- factor(ifelse(g$cause == 0, "censor", ifelse(g$cause <= 5, "perm", "left")),
                  levels = c("censor", "perm", "left"))
  # survfit's own log-log step warns (NaNs produced) where a share is 0 or 1; it then gives NA, as expected.
  fit <- suppressWarnings(survfit(Surv(g$days, state) ~ 1, conf.type = "log-log"))
  if (is.null(fit$states)) stop("not a multi-state fit")
  out <- list()
  for (t in c(730, 1461)) {
    suffix <- if (t == 730) "2y" else "4y"
    seen <- max(g$days) >= t
    p <- if (seen) at(fit, t, "perm") else NA
    se <- if (seen) { v <- field(fit, "std.err", t, "perm"); if (is.na(v)) 0 else v } else NA
    lower <- if (seen) field(fit, "lower", t, "perm") else NA
    upper <- if (seen) field(fit, "upper", t, "perm") else NA
    method <- NA
    if (seen) {
      if (!is.na(lower) && !is.na(upper) && lower < upper) {
        method <- "log-log"
      } else if (sum(g$cause == 0 & g$days < t) == 0) {
        exact <- binom.test(sum(g$cause >= 1 & g$cause <= 5 & g$days <= t), n)$conf.int
        lower <- exact[1]; upper <- exact[2]; method <- "clopper-pearson"
      } else {
        lower <- NA; upper <- NA; method <- "none"
      }
    }
    out[[paste0("within_", suffix)]] <- p
    out[[paste0("within_", suffix, "_se")]] <- se
    out[[paste0("within_", suffix, "_lower")]] <- lower
    out[[paste0("within_", suffix, "_upper")]] <- upper
    out[[paste0("within_", suffix, "_interval")]] <- method
    out[[paste0("left_care_", suffix)]] <- if (seen) at(fit, t, "left") else NA
    out[[paste0("still_waiting_", suffix)]] <- if (seen) at(fit, t, "(s0)") else NA
  }
  column <- match("perm", fit$states)
  x <- c(0, fit$time)
  out$median_days <- findq(x, c(0, fit$pstate[, column]), 0.5, rtol)
  out$median_lower_days <- findq(x, c(0, fit$upper[, column]), 0.5, rtol)
  out$median_upper_days <- findq(x, c(0, fit$lower[, column]), 0.5, rtol)

  km <- suppressWarnings(survfit(Surv(g$days, g$cause >= 1 & g$cause <= 5) ~ 1, conf.type = "log-log"))
  for (t in c(730, 1461)) {
    suffix <- if (t == 730) "2y" else "4y"
    index <- max(c(0, which(km$time <= t)))
    out[[paste0("cause_specific_within_", suffix)]] <-
      if (max(g$days) < t) NA else if (index == 0) 0 else 1 - km$surv[index]
  }
  out$cause_specific_median_days <- unname(quantile(km, 0.5, conf.int = FALSE))
  out$children <- n
  out$edge <- c(no_events = sum(g$cause >= 1 & g$cause <= 5) == 0,
                all_reached = all(g$cause >= 1 & g$cause <= 5),
                plateau_midpoint = !is.na(out$median_days) && !(out$median_days %in% g$days),
                no_upper_limit = !is.na(out$median_days) && is.na(out$median_upper_days),
                exact_interval = identical(out$within_2y_interval, "clopper-pearson") ||
                  identical(out$within_4y_interval, "clopper-pearson"),
                no_interval = identical(out$within_2y_interval, "none") || identical(out$within_4y_interval, "none"),
                later_spells = any(g$spell_number > 1))
  out
}

key <- paste(gold$population, gold$council, gold$cohort_year, gold$age_band, sep = "|")
compared <- 0
differences <- character()
edges <- c(no_events = 0, all_reached = 0, plateau_midpoint = 0, no_upper_limit = 0, exact_interval = 0,
           no_interval = 0, later_spells = 0)
missing <- setdiff(names(groups), key)
if (length(missing) > 0) differences <- c(differences, paste("no gold row for", head(missing, 5)))
extra <- setdiff(key, names(groups))
if (length(extra) > 0) differences <- c(differences, paste("gold row with no spells:", head(extra, 5)))
for (name in intersect(names(groups), key)) {
  r <- figures(groups[[name]])
  edges <- edges + r$edge
  row <- gold[match(name, key), ]
  for (column in setdiff(names(r), "edge")) {
    expected <- r[[column]]
    actual <- row[[column]]
    compared <- compared + 1
    same <- if (is.na(expected) || is.na(actual)) {
      is.na(expected) && is.na(actual)
    } else if (is.character(expected)) {
      expected == actual
    } else {
      abs(expected - actual) <= tolerance
    }
    if (!same) {
      differences <- c(differences, sprintf("%s %s: R %s, gold %s", name, column, format(expected, digits = 15),
                                            format(actual, digits = 15)))
    }
  }
}
cat(sprintf("cohorts %d, figures compared %d, differences %d\n", length(groups), compared, length(differences)))
cat("edges:", paste(names(edges), edges, sep = " ", collapse = ", "), "\n")
if (length(differences) > 0) {
  cat(head(differences, 40), sep = "\n")
  quit(status = 1)
}
