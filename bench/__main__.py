from bench import assets, ttft

assets.main()
print()
ttft.main()
