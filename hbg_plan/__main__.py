from hbg_plan.cli import main

main()
