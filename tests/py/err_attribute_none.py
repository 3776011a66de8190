# Uncaught AttributeError: calling a method on None returned by list.sort().
nums = [3, 1, 2]
nums = nums.sort()
print(nums)
nums.append(4)
