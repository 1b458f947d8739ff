#include "services/indicators/shared_answers.hpp"

#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace motcua::services {
namespace {

using std::chrono::seconds;

TEST(SharedAnswers, ReusesAnAnswerWhileFreshThenComputesAgain) {
    SharedAnswers<int> answers(seconds(2), 8);
    int computed = 0;
    auto compute = [&]() -> Outcome<int> { return ++computed; };
    const Instant now{};
    auto first = answers.Get("k", now, compute);
    EXPECT_EQ(*first.Value(), 1);
    EXPECT_EQ(answers.Get("k", now + seconds(1), compute).Value().get(), first.Value().get());
    EXPECT_EQ(*answers.Get("other", now, compute).Value(), 2);           // Its own answer.
    EXPECT_EQ(*answers.Get("k", now + seconds(2), compute).Value(), 3);  // Stale: computed again.
    EXPECT_EQ(computed, 3);
}

TEST(SharedAnswers, WhileOneCallerRefreshesTheOthersGetTheStaleAnswer) {
    SharedAnswers<int> answers(seconds(2), 8);
    const Instant now{};
    ASSERT_TRUE(answers.Get("k", now, [] { return Outcome<int>(1); }).HasValue());
    std::promise<void> started;
    std::promise<void> release;
    auto refresher = std::async(std::launch::async, [&] {
        return answers.Get("k", now + seconds(3), [&]() -> Outcome<int> {
            started.set_value();
            release.get_future().wait();
            return 2;
        });
    });
    started.get_future().wait();
    std::atomic<int> computed_meanwhile = 0;
    for (int i = 0; i < 10; ++i) {
        auto stale = answers.Get("k", now + seconds(3), [&]() -> Outcome<int> {
            ++computed_meanwhile;
            return 99;
        });
        EXPECT_EQ(*stale.Value(), 1);  // Not a second computation of the same answer.
    }
    EXPECT_EQ(computed_meanwhile.load(), 0);
    release.set_value();
    EXPECT_EQ(*refresher.get().Value(), 2);
    EXPECT_EQ(*answers.Get("k", now + seconds(3), [] { return Outcome<int>(7); }).Value(), 2);
}

TEST(SharedAnswers, AFailedRefreshKeepsTheStaleAnswerAndLetsTheNextCallerTry) {
    SharedAnswers<int> answers(seconds(2), 8);
    const Instant now{};
    ASSERT_TRUE(answers.Get("k", now, [] { return Outcome<int>(1); }).HasValue());
    auto failed = answers.Get("k", now + seconds(3), []() -> Outcome<int> {
        return MakeError(ErrorKind::kUnavailable, "unavailable");
    });
    EXPECT_EQ(failed.GetError().code, "unavailable");
    EXPECT_EQ(*answers.Get("k", now + seconds(3), [] { return Outcome<int>(5); }).Value(), 5);
}

TEST(SharedAnswers, CallersOfAnAnswerNotComputedYetWaitForTheOneComputingIt) {
    SharedAnswers<int> answers(seconds(2), 8);
    const Instant now{};
    std::atomic<int> computations = 0;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    auto compute = [&]() -> Outcome<int> {
        ++computations;
        released.wait();
        return 42;
    };
    constexpr int kCallers = 8;
    std::vector<std::future<Outcome<std::shared_ptr<const int>>>> callers;
    callers.reserve(kCallers);
    for (int i = 0; i < kCallers; ++i) {
        callers.push_back(
            std::async(std::launch::async, [&] { return answers.Get("k", now, compute); }));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // All eight are in Get.
    release.set_value();
    for (auto& caller : callers) {
        EXPECT_EQ(*caller.get().Value(), 42);
    }
    EXPECT_EQ(computations.load(), 1);
}

}  // namespace
}  // namespace motcua::services
